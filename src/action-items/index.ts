/** Action items: extraction from mdast (pure) and their identity across meetings. */
export { extractActionItems, extractFirstActionItems } from './extract.js'
export { DEFAULT_ACTION_ITEM_GRAMMAR, extendGrammar, type ActionItemGrammar } from './grammar.js'
export type { ActionItem } from './types.js'
export {
  MIN_EXTENDED_WORDS,
  SAME_ITEM_THRESHOLD,
  extendsItem,
  itemWords,
  matchItems,
  ownersCompatible,
  sameItem,
  sameWords,
  similarity,
  type Identifiable,
  type ItemWords,
} from './identity.js'

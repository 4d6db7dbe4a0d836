/** Action items: extraction from mdast (pure) and their identity across meetings. */
export { extractActionItems } from './extract.js'
export { DEFAULT_ACTION_ITEM_GRAMMAR, extendGrammar, type ActionItemGrammar } from './grammar.js'
export type { ActionItem } from './types.js'
export {
  SAME_ITEM_THRESHOLD,
  itemWords,
  matchItems,
  ownersCompatible,
  sameItem,
  sameWords,
  similarity,
  type Identifiable,
  type ItemWords,
} from './identity.js'

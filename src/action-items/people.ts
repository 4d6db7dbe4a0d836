import { childrenOf, typeOf, valueOf } from './nodes.js'

/** Resolves a name written where an owner stands (`AI Sam: …`) to a GitHub login. */
export interface People {
  /** The login, lower case, for a name (any case); null when nobody of that name is known. */
  login(name: string): string | null
}

/** Nobody known: names stay names. */
export const NO_PEOPLE: People = { login: () => null }

/**
 * One word of a name: a capital, then at most 40 letters. Bounded (issue 17): the pattern is
 * tried from every capital of a line, and an unbounded word made a line of 40,000 capitals
 * cost 2 s (each try read to the end of the run, then backed off). No name's word is longer.
 */
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]{0,40}`
const FULL_NAME = String.raw`${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,3}`

/** A name followed by a handle in parentheses: `Sam Kim (@sam-k)`, `Friederike Zelke (@FriederikeZelke, OSBA)`. */
const NAME_THEN_HANDLE = new RegExp(String.raw`(${FULL_NAME})[ \t]*\([ \t]*@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*)`, 'gu')

/** A handle followed by a name in parentheses: `@sam-k (Sam Kim)`. */
const HANDLE_THEN_NAME = new RegExp(String.raw`(?<![\p{L}\p{N}_.@])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*)[ \t]*\([ \t]*(${FULL_NAME})[ \t]*[),]`, 'gu')

/** Any handle: a name that is a login written without `@` (`VP04` for `@vp04`) resolves to it. */
const HANDLE = /(?<![\p{L}\p{N}_.@])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*)/gu

/** Blocks deeper than this are not minutes; stop instead of exhausting the stack. */
const MAX_DEPTH = 200

/**
 * Who the minutes name: the configured names (`actionItems.people`, first) and the people the
 * file itself pairs with handles, by full name and by first name when only one person has it,
 * and every handle written in it. Pure: reads the tree's text, nothing else.
 */
export function peopleOf(tree: unknown, configured: Readonly<Record<string, string>> = {}): People {
  // Most files never write a name where an owner stands: read the file only when asked.
  let known: People | null = null
  return {
    login(name) {
      known ??= readPeople(tree, configured)
      return known.login(name)
    },
  }
}

function readPeople(tree: unknown, configured: Readonly<Record<string, string>>): People {
  const named = new Map<string, string>()
  const firstNames = new Map<string, Set<string>>()
  const handles = new Set<string>()
  const add = (name: string, login: string): void => {
    const full = name.trim().replace(/\s+/gu, ' ').toLowerCase()
    named.set(full, login.toLowerCase())
    const first = full.split(' ')[0] ?? full
    if (first !== full) firstNames.set(first, (firstNames.get(first) ?? new Set()).add(login.toLowerCase()))
  }
  for (const text of textsOf(tree, 0)) {
    for (const match of text.matchAll(NAME_THEN_HANDLE)) add(match[1] ?? '', match[2] ?? '')
    for (const match of text.matchAll(HANDLE_THEN_NAME)) add(match[2] ?? '', match[1] ?? '')
    for (const match of text.matchAll(HANDLE)) handles.add((match[1] ?? '').toLowerCase())
  }
  const configuredByName = new Map(Object.entries(configured).map(([name, login]) => [name.trim().toLowerCase(), login.replace(/^@/u, '').toLowerCase()]))
  return {
    login(name) {
      const key = name.trim().replace(/\s+/gu, ' ').toLowerCase()
      if (key === '') return null
      const first = firstNames.get(key)
      return configuredByName.get(key) ?? named.get(key) ?? (first?.size === 1 ? [...first][0] ?? null : null) ?? (handles.has(key) ? key : null)
    },
  }
}

/** The text of every text node, one string per paragraph or heading. */
function textsOf(node: unknown, depth: number): string[] {
  if (depth > MAX_DEPTH) return []
  const type = typeOf(node)
  if (type === 'paragraph' || type === 'heading' || type === 'tableCell') return [flatten(node, depth)]
  return childrenOf(node).flatMap((child) => textsOf(child, depth + 1))
}

function flatten(node: unknown, depth: number): string {
  if (depth > MAX_DEPTH) return ''
  const value = valueOf(node)
  if (value !== null) return value
  return childrenOf(node)
    .map((child) => flatten(child, depth + 1))
    .join('')
}

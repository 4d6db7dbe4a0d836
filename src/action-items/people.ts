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

/** A line longer than this is prose, not a participant entry. */
const MAX_PEOPLE_LINE = 500

/**
 * As `NAME_THEN_HANDLE` and `HANDLE_THEN_NAME`, every quantifier bounded (a word of 40
 * letters, 5 spaces): each start costs a constant, so a pass over any text is linear.
 */
const BOUNDED_NAME = String.raw`\p{Lu}[\p{L}'’-]{0,40}(?:[ \t]{1,5}\p{Lu}[\p{L}'’-]{0,40}){0,3}`
const BOUNDED_LOGIN = String.raw`[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}`
const NAME_THEN_HANDLE_BOUNDED = new RegExp(String.raw`(${BOUNDED_NAME})[ \t]{0,5}\([ \t]{0,5}@(${BOUNDED_LOGIN})`, 'gu')
const HANDLE_THEN_NAME_BOUNDED = new RegExp(String.raw`(?<![\p{L}\p{N}_.@])@(${BOUNDED_LOGIN})[ \t]{0,5}\([ \t]{0,5}(${BOUNDED_NAME})[ \t]{0,5}[),]`, 'gu')

/**
 * The names the files of a run pair with handles (`Anna Schmidt (@aschmidt)`, `@aschmidt (Anna
 * Schmidt)`), as a map for `actionItems.people`: each full name, and each first name that only
 * one person has. A name paired with two handles in different files is left out: it is
 * nobody for sure. Pure and cheap: one pass over the lines that hold `(@` or `@…(`; the
 * caller merges the configured names over it, so configuration wins. Fenced code is read too
 * (a pairing in an example is still a pairing), which only ever adds a name.
 */
export function peopleOfTexts(texts: Iterable<string>): Record<string, string> {
  const logins = new Map<string, Set<string>>()
  const add = (name: string, login: string): void => {
    const full = name.trim().replace(/\s+/gu, ' ')
    const keys = [full, ...(full.includes(' ') ? [full.split(' ')[0] ?? full] : [])]
    for (const key of keys) {
      const lower = key.toLowerCase()
      logins.set(lower, (logins.get(lower) ?? new Set()).add(login.toLowerCase()))
    }
  }
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (line.length > MAX_PEOPLE_LINE || !line.includes('@')) continue
      for (const match of line.matchAll(NAME_THEN_HANDLE_BOUNDED)) add(match[1] ?? '', match[2] ?? '')
      for (const match of line.matchAll(HANDLE_THEN_NAME_BOUNDED)) add(match[2] ?? '', match[1] ?? '')
    }
  }
  const people: Record<string, string> = {}
  for (const [name, found] of logins) if (found.size === 1) people[name] = [...found][0] ?? ''
  return people
}

import { NO_PEOPLE, type People } from './people.js'

/**
 * Owners are GitHub logins written as `@login`: letters, digits and single inner hyphens.
 * A login preceded by a letter, digit or dot is an e-mail address or a path, not a mention.
 */
const HANDLE = /(?<![\p{L}\p{N}_.@])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*)/uy

/** Between two owners: `,`, `;`, `&`, `+`, `/`, `and`, `with`, `w/`, possibly several (`, w/`). */
const JOINER = /(?:\s*(?:[,;&+/]|(?:and|with|w\/)(?=[\s@]))\s*)+/iuy

/** A login written without `@`, allowed only where nothing else can stand: `AI(berendt)`. */
const BARE_LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*)$/u

/** The owners listed at `start` (after spaces), and where the list ends; null if none. */
export function parseOwnerList(text: string, start: number): { owners: string[]; end: number } | null {
  const owners: string[] = []
  let index = skipSpaces(text, start)
  let end = index
  for (;;) {
    HANDLE.lastIndex = index
    const handle = HANDLE.exec(text)
    if (!handle) break
    owners.push(normaliseLogin(handle[1] ?? ''))
    end = HANDLE.lastIndex
    JOINER.lastIndex = end
    const joiner = JOINER.exec(text)
    index = joiner ? JOINER.lastIndex : skipSpaces(text, end)
  }
  return owners.length > 0 ? { owners: unique(owners), end } : null
}

/**
 * The owners of a parenthesised group right after a marker, `AI(berendt)` or
 * `AI(@a, @b)`; null when the group says something else (`TODO (with R5)`).
 */
export function parseBareOwnerList(inner: string): string[] | null {
  const parts = inner.split(/\s*(?:[,&/]|\band\b)\s*/u).map((part) => part.trim())
  const owners: string[] = []
  for (const part of parts) {
    const login = BARE_LOGIN.exec(part)?.[1]
    if (!login || !/\p{L}/u.test(login)) return null
    owners.push(normaliseLogin(login))
  }
  return owners.length > 0 ? unique(owners) : null
}

/**
 * The owners of a sub-bullet that only names people, such as `*@berendt -> OSISM*` under
 * `Action Item: to be noted in release notes`; null when it says more than that.
 */
export function ownersOfOwnerLine(text: string, people: People = NO_PEOPLE): string[] | null {
  const line = ownerLineOf(text)
  const list = parseOwnerList(line, 0)
  if (!list) return line.length <= MAX_NAMED_OWNER && people.login(line) !== null ? [people.login(line) ?? ''] : null
  const rest = line.slice(list.end).trim()
  if (rest === '' || /^(?:->|→|=>|:|-|–)\s*[^@\n]{0,60}$/u.test(rest)) return list.owners
  return null
}

/** A name alone on an owner line (`Anna Schmidt`) is at most this long. */
const MAX_NAMED_OWNER = 60

/** An owner line without its wrapping: `(@anna)`, `Owner: @anna`, `who: Anna` → `@anna`, `Anna`. */
function ownerLineOf(text: string): string {
  const trimmed = text.trim()
  const bare = /^\(([^()]*)\)$/u.exec(trimmed)?.[1] ?? trimmed
  return bare.replace(/^(?:owners?|who|assignees?|responsible)[ \t]*:[ \t]*/iu, '').trim()
}

/** `@alice`, `@Alice` and `@alice` once: lower case, deduplicated, first mention first. */
export function unique(owners: string[]): string[] {
  return [...new Set(owners.map(normaliseLogin))]
}

function normaliseLogin(login: string): string {
  return login.replace(/^@/u, '').toLowerCase()
}

function skipSpaces(text: string, index: number): number {
  while (index < text.length && /\s/u.test(text[index] ?? '')) index++
  return index
}

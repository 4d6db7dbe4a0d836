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
export function ownersOfOwnerLine(text: string): string[] | null {
  const list = parseOwnerList(text, 0)
  if (!list) return null
  const rest = text.slice(list.end).trim()
  if (rest === '' || /^(?:->|→|=>|:|-|–)\s*[^@\n]{0,60}$/u.test(rest)) return list.owners
  return null
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

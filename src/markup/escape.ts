/**
 * Text from minutes is data. Before it goes into a comment, an issue or the job summary it
 * is made inert: no HTML (so no `<!--`, `-->` or `</details>` that could forge or break our
 * hidden markers or folds), no Markdown syntax, no table cell breaks, no `@mentions` and no
 * `#123` cross-references that would notify people or clutter other issues.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[&<>]/g, (char) => HTML_ENTITIES[char] ?? char)
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/([@#])(?=[\p{L}\p{N}_-])/gu, '$1\u200B')
    .trim()
}

/** Escaped text that starts a line of its own (after `> `): no heading, quote or list may begin. */
export function escapeLine(text: string): string {
  return escapeText(text).replace(/^([#>+=-]|\d+[.)])/, '\\$1')
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** Cuts text to at most `max` characters on a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = text.slice(0, max - 1)
  // Never keep half of a surrogate pair (an emoji): GitHub rejects lone surrogates.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

/** Untrusted text for one table cell or list item: truncated, then escaped. */
export function cell(text: string, max = 200): string {
  return escapeText(truncate(text.replace(/\s+/g, ' ').trim(), max))
}

/** A Markdown link whose label is untrusted text; the URL is ours (built from paths we percent-encode). */
export function link(label: string, url: string): string {
  return `[${label}](${url})`
}

/** A path or id in inline code: backticks in it cannot close the span (they are replaced). */
export function code(text: string): string {
  return `\`${text.replace(/`/g, 'ʼ').replace(/\s+/g, ' ')}\``
}

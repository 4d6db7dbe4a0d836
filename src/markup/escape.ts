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

/**
 * Escaped text that also stays unlinked: GFM turns `https://…`, `www.…` and e-mail addresses
 * in text into links (after parsing, so escapes do not stop it), and a link in our comment
 * should only ever be one we made. An invisible space after the `:` or `www` breaks them.
 */
export function escapeInline(text: string): string {
  return escapeText(text)
    .replace(/:(?=\/\/)/g, (colon, at: number, whole: string) => (endsScheme(whole, at) ? ':\u200B' : colon))
    .replace(/\b(www)(?=\.)/gi, '$1\u200B')
}

/**
 * Whether the `:` at `colon` ends a URL scheme, as `/\b[a-z][a-z0-9+.-]*:/i` would find it: the
 * run of scheme characters before it holds a letter at a word boundary. Read backwards from
 * each `://`, once per run: the pattern itself was tried from every boundary of a long run
 * (`www.www.…`), which is quadratic (issue 17).
 */
function endsScheme(text: string, colon: number): boolean {
  let found = false
  for (let at = colon - 1; at >= 0 && SCHEME_CHARACTER.test(text[at] ?? ''); at--) {
    if (/[a-z]/i.test(text[at] ?? '') && !/\w/.test(text[at - 1] ?? '')) found = true
  }
  return found
}

const SCHEME_CHARACTER = /^[a-z0-9+.-]$/i

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
  return escapeInline(truncate(text.replace(/\s+/g, ' ').trim(), max))
}

/** A Markdown link whose label is untrusted text; the URL is ours (built from paths we percent-encode). */
export function link(label: string, url: string): string {
  return `[${label}](${url})`
}

/** A path or id in inline code: backticks in it cannot close the span (they are replaced). */
export function code(text: string): string {
  return `\`${codeSpanText(text)}\``
}

/** Inline code inside HTML (a `<summary>`), where Markdown code spans do not render. */
export function htmlCode(text: string): string {
  return `<code>${codeSpanText(text).replace(/[&<>]/g, (char) => HTML_ENTITIES[char] ?? char)}</code>`
}

/**
 * Text for inside a code span. Markdown does not apply there, so only what would end the
 * span or matter in the raw body is changed: a backtick becomes `ʼ`, line breaks a space, and
 * an invisible space breaks tags, `<!--`, `-->`, `@name` and `#123` (no forged marker or
 * fold in the raw body, nothing for a bot to mention). An empty text is one space, so the span stays a span.
 */
export function codeSpanText(text: string): string {
  const inert = text
    .replace(/`/g, 'ʼ')
    .replace(/\s+/g, ' ')
    .replace(/<(?=[!/?\p{L}])/gu, '<\u200B')
    .replace(/--!?>/g, (end) => `--\u200B${end.slice(2)}`)
    .replace(/([@#])(?=[\p{L}\p{N}_-])/gu, '$1\u200B')
  return inert === '' ? ' ' : inert
}

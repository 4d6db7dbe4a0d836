/**
 * Text from minutes is data. Before it goes into a comment, an issue or the job summary it
 * is made inert: no HTML (so no `<!--`, `-->` or `</details>` that could forge or break our
 * hidden markers or folds), no Markdown syntax, no table cell breaks, and no reference (see
 * `neutraliseReferences`) that would notify people or leave a backlink in another issue.
 */
export function escapeText(text: string): string {
  return neutraliseReferences(
    text
      .replace(/\s+/g, ' ')
      .replace(/[&<>]/g, (char) => HTML_ENTITIES[char] ?? char)
      .replace(/[\\`*_[\]|~]/g, '\\$&'),
  ).trim()
}

/**
 * Text with nothing GitHub turns into a mention, a cross-reference or a link: `@name`,
 * `#123` (so `owner/repo#123` too), `GH-123`, `https://…` (github.com issue, pull request and
 * discussion URLs leave a backlink in the issue they name) and `www.…`. An invisible space
 * breaks each; the text reads the same. For issue titles, which are plain text, and inside
 * `escapeText` for Markdown. Each pattern looks a bounded way ahead (a scheme is at most
 * 32 characters): linear.
 */
export function neutraliseReferences(text: string): string {
  return text
    .replace(/([@#])(?=[\p{L}\p{N}_-])/gu, '$1\u200B')
    .replace(/\b(gh)(?=-\d)/gi, '$1\u200B')
    .replace(/\b([a-z][a-z0-9+.-]{0,31}:)(?=\/\/)/gi, '$1\u200B')
    .replace(/\b(www)(?=\.)/gi, '$1\u200B')
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
  return `\`${codeSpanText(text)}\``
}

/**
 * A path or id in inline code inside a table cell. GFM splits the row at every `|` before
 * it sees code spans, so a `|` must be written `\\|` even there (the splitter removes the
 * backslash); a backslash just before a `|` is kept apart by an invisible space, so the two
 * never read as one escape. Without it a file named `a|<img src=…>` ends the cell.
 */
export function tableCode(text: string): string {
  return code(text).replace(/\\(?=\|)/g, '\\\u200B').replace(/\|/g, '\\|')
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

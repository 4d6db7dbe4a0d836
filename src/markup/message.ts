import { codeSpanText, escapeText, truncate } from './escape.js'

/**
 * A finding's message in two forms: `plain` for annotations, the CLI and the JSON report
 * (exactly the text a rule wrote), and `markdown` for the PR comment, where our own code
 * spans and emphasis render and every value from the minutes is inert text.
 */
export interface Message {
  plain: string
  markdown: string
}

/** What a template may interpolate; `null` and `undefined` read as in a template literal. */
type Value = string | number | Message | null | undefined

/** Longest value from the minutes kept in the Markdown form; the plain form keeps it whole. */
const VALUE_LIMIT = 200

/**
 * Tags a message template: the literal parts are our Markdown, the interpolated values are
 * data. A value outside a code span is escaped (no HTML, emphasis, links, mentions or `#123`);
 * a value inside one of the template's code spans is kept as code, with backticks replaced so
 * it cannot close the span. A value may itself be a `Message` (its Markdown is already safe).
 *
 * @example md`The title “${title}” has no date; add \`${example}\`.`
 */
export function md(strings: TemplateStringsArray, ...values: readonly Value[]): Message {
  let plain = strings[0] ?? ''
  let markdown = strings[0] ?? ''
  // Only our literal parts open and close code spans; values never add backticks in Markdown.
  let backticks = countBackticks(markdown)
  values.forEach((value, index) => {
    const literal = strings[index + 1] ?? ''
    plain += `${isMessage(value) ? value.plain : String(value)}${literal}`
    markdown += `${markdownValue(value, backticks % 2 === 1)}${literal}`
    backticks += countBackticks(literal)
  })
  return { plain, markdown }
}

/** A message with no Markdown of its own: the plain text, escaped. */
export function plainMessage(text: string): Message {
  return { plain: text, markdown: escapeText(truncate(text, VALUE_LIMIT * 3)) }
}

/** Whether a report argument is already a two-form message. */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'plain' in value && 'markdown' in value
}

function markdownValue(value: Value, inCode: boolean): string {
  if (isMessage(value)) return inCode ? codeSpanText(value.plain) : value.markdown
  const text = truncate(String(value).replace(/\s+/g, ' '), VALUE_LIMIT)
  if (inCode) return codeSpanText(text)
  // Escaping trims; the spaces around a value belong to the sentence.
  return `${text.startsWith(' ') ? ' ' : ''}${escapeText(text)}${text.endsWith(' ') && text.trim() !== '' ? ' ' : ''}`
}

function countBackticks(text: string): number {
  return text.split('`').length - 1
}

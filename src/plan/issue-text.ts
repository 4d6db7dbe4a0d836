import { trimTrailing } from '../markup/trim-trailing.js'
import { normaliseText } from '../action-items/text.js'
import { escapeLine, escapeText, link, truncate } from '../markup/escape.js'
import { permalink, type SourceLinks } from '../markup/permalink.js'
import { issueMarker, type ItemIdentity } from './issue-marker.js'
import type { ItemOccurrence } from './occurrences.js'

/** Item text kept in an issue's marker; longer text is cut (the fingerprint still covers all of it). */
const IDENTITY_TEXT_LIMIT = 4000
/** Item text shown in an issue body. */
const BODY_TEXT_LIMIT = 3000
/** The nearest headings and parent items quoted in a body, and how much of each. */
const QUOTED_HEADINGS = 4
const QUOTED_PARENTS = 3
const QUOTED_CONTEXT_LIMIT = 300

export function identityOf(occurrence: ItemOccurrence): ItemIdentity {
  const { item } = occurrence
  return { v: 1, id: item.id, series: occurrence.series, owners: item.owners, text: truncate(item.text, IDENTITY_TEXT_LIMIT) }
}

/** An item of fewer words than this does not say what it is about (`Cancel`, `Create draft`). */
const MIN_STANDALONE_WORDS = 4
/** Words by which an item points at something said before it (`Bring this forward`). */
const LEANING_WORDS = new Set(['this', 'it', 'that', 'them'])
/** Context quoted in a title is cut to this many characters, on a word boundary. */
const TITLE_CONTEXT_LIMIT = 60

/**
 * Whether an item's text says on its own what is to be done: four words or more, none pointing
 * back (`this`, `it`, `that`, `them`, `the above`). A word in capitals is a name (`IT`), not one.
 */
export function standsAlone(text: string): boolean {
  const words = text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  if (words.length < MIN_STANDALONE_WORDS) return false
  const lower = words.map((word) => (word.length > 1 && word === word.toUpperCase() ? '' : word.toLowerCase()))
  return !lower.some((word, index) => LEANING_WORDS.has(word) || (word === 'the' && lower[index + 1] === 'above'))
}

/**
 * What an item that does not stand alone is about, quoted from the minutes: the list item it
 * is nested in, else the nearest heading; null when there is none, or it only repeats the item.
 */
export function titleContext(occurrence: ItemOccurrence): string | null {
  const { text, context } = occurrence.item
  if (standsAlone(text)) return null
  const own = normaliseText(text)
  const quoted = [...context.parents].reverse().concat([...context.headings].reverse()).find((candidate) => normaliseText(candidate) !== '' && normaliseText(candidate) !== own)
  return quoted === undefined ? null : trimTrailing(truncate(oneLine(quoted), TITLE_CONTEXT_LIMIT), ':;,.–—-')
}

/**
 * The item as a title, without its series: its text, capitalised; followed by its context when
 * it does not stand alone (`Cancel: project board on 2026-02-16, both organisers away`).
 * Issue titles and the plan in the summary comment show the same words.
 */
export function itemTitle(occurrence: ItemOccurrence): string {
  const text = oneLine(occurrence.item.text)
  const capitalised = `${text.charAt(0).toUpperCase()}${text.slice(1)}`
  const context = titleContext(occurrence)
  return context === null ? capitalised : `${trimTrailing(capitalised, ':;,.')}: ${context}`
}

/** `[iaas] Ask Vexxhost whether …`: titles are plain text on GitHub, so only length matters. */
export function issueTitle(occurrence: ItemOccurrence): string {
  return truncate(`[${occurrence.series}] ${itemTitle(occurrence)}`, 120)
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** "the iaas minutes of 2023-03-22", linked to the item's line at the commit. */
export function meetingLink(occurrence: ItemOccurrence, links: SourceLinks): string {
  const meeting = `${occurrence.series} minutes${occurrence.date ? ` of ${occurrence.date}` : ''}`
  return link(escapeText(meeting), permalink(links, occurrence.path, occurrence.item.line))
}

/**
 * The body of a new issue: the item, its owners (named without `@`: assignment notifies
 * those who can be assigned, nobody else gets mention spam), due date, source, and the
 * hidden marker that lets later runs find it.
 */
export function issueBody(occurrence: ItemOccurrence, links: SourceLinks): string {
  const { item } = occurrence
  const owners = item.owners.length > 0 ? item.owners.map(escapeText).join(', ') : 'not named in the minutes'
  const lines = [
    issueMarker(identityOf(occurrence)),
    `**Action item** from the ${meetingLink(occurrence, links)}:`,
    '',
    ...quote(occurrence),
    '',
    `- **Owners:** ${owners}`,
    ...(item.due ? [`- **Due:** ${item.due}`] : []),
    `- **Source:** ${link(escapeText(`${occurrence.path}, line ${item.line}`), permalink(links, occurrence.path, item.line))}`,
    '',
    '<sub>Kept by minutes-automation: closed when the minutes mark this item done, reopened when it comes back undone.</sub>',
  ]
  return `${lines.join('\n')}\n`
}

/**
 * The item quoted where it stands: the heading path above it (`_Team updates › Team
 * Storage_`), the list items it is nested in, and the item itself in bold among them.
 * An item with no context is quoted alone.
 */
function quote(occurrence: ItemOccurrence): string[] {
  const { text, context } = occurrence.item
  const shown = (part: string, limit: number): string => truncate(oneLine(part), limit)
  const headings = context.headings.slice(-QUOTED_HEADINGS).map((heading) => escapeText(shown(heading, QUOTED_CONTEXT_LIMIT)))
  const parents = context.parents.slice(-QUOTED_PARENTS)
  const lines = headings.length > 0 ? [`_${headings.join(' › ')}_`, ''] : []
  parents.forEach((parent, depth) => lines.push(`${'  '.repeat(depth)}- ${escapeLine(shown(parent, QUOTED_CONTEXT_LIMIT))}`))
  const itself = truncate(text, BODY_TEXT_LIMIT)
  if (parents.length > 0) lines.push(`${'  '.repeat(parents.length)}- **${escapeText(itself)}**`)
  else lines.push(escapeLine(itself))
  return lines.map((line) => (line === '' ? '>' : `> ${line}`))
}

export function closeComment(occurrence: ItemOccurrence, links: SourceLinks): string {
  return `Marked done in the ${meetingLink(occurrence, links)}.\n`
}

export function reopenComment(occurrence: ItemOccurrence, links: SourceLinks): string {
  return `Listed again as not done in the ${meetingLink(occurrence, links)}.\n`
}

export function duplicateComment(original: number): string {
  return `Duplicate of #${original}: another run tracked the same action item first. Closed by minutes-automation.\n`
}

import { escapeLine, escapeText, link, truncate } from '../markup/escape.js'
import { permalink, type SourceLinks } from '../markup/permalink.js'
import { issueMarker, type ItemIdentity } from './issue-marker.js'
import type { ItemOccurrence } from './occurrences.js'

/** Item text kept in an issue's marker; longer text is cut (the fingerprint still covers all of it). */
const IDENTITY_TEXT_LIMIT = 4000
/** Item text shown in an issue body. */
const BODY_TEXT_LIMIT = 3000

export function identityOf(occurrence: ItemOccurrence): ItemIdentity {
  const { item } = occurrence
  return { v: 1, id: item.id, series: occurrence.series, owners: item.owners, text: truncate(item.text, IDENTITY_TEXT_LIMIT) }
}

/** `[iaas] Ask Vexxhost whether …`: titles are plain text on GitHub, so only length matters. */
export function issueTitle(occurrence: ItemOccurrence): string {
  const text = occurrence.item.text.replace(/\s+/g, ' ').trim()
  return truncate(`[${occurrence.series}] ${text.charAt(0).toUpperCase()}${text.slice(1)}`, 120)
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
    `> ${escapeLine(truncate(item.text, BODY_TEXT_LIMIT))}`,
    '',
    `- **Owners:** ${owners}`,
    ...(item.due ? [`- **Due:** ${item.due}`] : []),
    `- **Source:** ${link(escapeText(`${occurrence.path}, line ${item.line}`), permalink(links, occurrence.path, item.line))}`,
    '',
    '<sub>Kept by minutes-automation: closed when the minutes mark this item done, reopened when it comes back undone.</sub>',
  ]
  return `${lines.join('\n')}\n`
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

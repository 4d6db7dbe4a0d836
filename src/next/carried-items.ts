import { sameItem } from '../action-items/index.js'
import type { Section } from '../model/types.js'
import type { SkeletonHeading } from './skeleton.js'
import type { CarriedItem, PastMeeting } from './types.js'

/** The heading the prepared file lists open items under when the series has none of its own. */
export const OPEN_ITEMS_HEADING = '## Open action items'

/**
 * The open items the previous meeting left: every item of it not done (those it carried over
 * from earlier meetings too), each once, in the order written.
 */
export function openItemsOf(previous: PastMeeting): CarriedItem[] {
  const items: CarriedItem[] = []
  for (const item of previous.actionItems) {
    if (item.done || items.some((other) => sameItem(other, item))) continue
    items.push({ owners: item.owners, text: item.text, issue: null })
  }
  return items
}

/**
 * The series' own heading for open items: of the headings kept, the one under which the
 * recent meetings most often repeated an item of the meeting before (twice at least); else
 * one named for it (`Check pending Action Items`, `Checking AIs of last week`); else null.
 */
export function carriedItemsHeading(skeleton: readonly SkeletonHeading[], meetings: readonly PastMeeting[]): SkeletonHeading | null {
  let best: { heading: SkeletonHeading; count: number } | null = null
  for (const heading of skeleton) {
    let count = 0
    meetings.forEach((meeting, index) => {
      const before = meetings[index - 1]
      const section = meeting.model.sections.find((candidate) => candidate.title === heading.from.section.title && candidate.depth === heading.depth)
      if (!before || !section) return
      const inside = meeting.actionItems.filter((item) => withinSection(meeting, section, item.line))
      if (inside.some((item) => before.actionItems.some((earlier) => sameItem(earlier, item)))) count++
    })
    if (count >= 2 && (best === null || count > best.count)) best = { heading, count }
  }
  return best?.heading ?? skeleton.find((heading) => NAMED_FOR_OPEN_ITEMS.test(heading.key)) ?? null
}

/** A heading that names the review of open items (a regex over one heading's text). */
const NAMED_FOR_OPEN_ITEMS = /\b(?:pending|open|last week'?s?|check(?:ing)?|previous)\b.*\b(?:action items?|ais?|todos?)\b/u

function withinSection(meeting: PastMeeting, section: Section, line: number): boolean {
  const start = section.heading.position?.start.line ?? 0
  const end = meeting.tree.children[section.end]?.position?.start.line ?? Number.POSITIVE_INFINITY
  return line > start && line < end
}

/**
 * One open item as the minutes write it: `- [ ] AI @alice: text (#12)`. The `@owner` is the
 * minutes' own syntax; the text is the item's, its Markdown and HTML made inert; the issue
 * number is added unless the text already references it.
 */
export function carriedItemLine(item: CarriedItem): string {
  const owners = item.owners.map((owner) => ` @${owner}`).join('')
  const text = inertText(item.text)
  const reference = item.issue !== null && !text.includes(`#${item.issue}`) ? ` (#${item.issue})` : ''
  return `- [ ] AI${owners}: ${text}${reference}`
}

/** Item text on one line: no HTML, no emphasis or link syntax; `@` and `#` kept (they are the minutes'). */
function inertText(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[&<>]/gu, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char] ?? char)
    .replace(/[\\`*_[\]|~]/gu, '\\$&')
}

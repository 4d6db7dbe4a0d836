import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { dateInHeading } from './heading-date.js'
import type { Meeting, Section } from './types.js'

// A regex over one heading's or one section's plain text, not over Markdown.
const CANCELED = /\b(?:cancel+ed|no meeting|skipped|abgesagt|entf[äa]llt)\b/i

/**
 * The meetings of a running file: its dated headings at the shallowest level any dated
 * heading stands (`# **2024-12-10**`, `## 2024-11-26 - Canceled`), each up to the next
 * heading as deep or deeper. A dated heading deeper down (`### Due 2024-12-20`) is part of
 * its meeting; text before the first meeting is the file's preamble.
 */
export function findMeetings(tree: Root, sections: Section[]): Meeting[] {
  const dated = sections.flatMap((section) => {
    const date = dateInHeading(section)
    return date ? [{ section, date }] : []
  })
  const depth = Math.min(...dated.map(({ section }) => section.depth))
  const top = dated.filter(({ section }) => section.depth === depth)
  return top.map(({ section, date }) => {
    const line = section.heading.position?.start.line ?? 1
    const endLine = tree.children[section.end - 1]?.position?.end.line ?? line
    return { section, date, title: section.title, line, endLine, canceled: isCanceled(tree, section) }
  })
}

/** Said so in the heading, or in the few lines of a meeting without sections of its own. */
function isCanceled(tree: Root, section: Section): boolean {
  if (CANCELED.test(section.title)) return true
  const own = tree.children.slice(section.start + 1, section.end)
  return own.length <= 2 && own.every((node) => node.type !== 'heading') && CANCELED.test(own.map((node) => toString(node)).join(' '))
}

/** The newest real day among the meetings; null when none has one. */
export function newestMeetingDate(meetings: readonly Meeting[]): string | null {
  const days = meetings.filter((meeting) => meeting.date.valid).map((meeting) => meeting.date.normalized)
  return days.length === 0 ? null : days.reduce((a, b) => (b > a ? b : a))
}

/** The meeting holding a line; null for the preamble, or a file without meetings. */
export function meetingAt<T extends { line: number; endLine: number }>(meetings: readonly T[], line: number): T | null {
  return meetings.find((meeting) => meeting.line <= line && line <= meeting.endLine) ?? null
}

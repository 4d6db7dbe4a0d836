import { headingKey } from '../model/sections.js'
import type { Section } from '../model/types.js'
import type { PastMeeting } from './types.js'

/** A heading of the prepared file: as written in the latest meeting that has it at its usual level. */
export interface SkeletonHeading {
  key: string
  depth: number
  /** The heading's source, as that meeting writes it (`### Team Platform`). */
  source: string
  /** The section it was copied from, and its meeting: to read a team section's or the minute-taker's line. */
  from: { meeting: PastMeeting; section: Section }
}

/** How many of the recent meetings are read for the skeleton. */
export const RECENT_MEETINGS = 8

/** A heading is kept when more than this share of the recent meetings have it (tuned in docs/next-meeting.md). */
export const SHARED_BY = 0.5

/**
 * The headings the recent meetings (oldest first) mostly share, in their usual order and at
 * their usual level; the title is not one of them. A topic heading of one meeting is in
 * too few of them to be kept.
 */
export function sharedHeadings(meetings: readonly PastMeeting[], sharedBy = SHARED_BY): SkeletonHeading[] {
  const recent = meetings.slice(-RECENT_MEETINGS)
  const seen = new Map<string, { count: number; ranks: number[]; depths: number[] }>()
  const listed = recent.map((meeting) => bodySections(meeting))
  for (const sections of listed) {
    const keys = [...new Set(sections.map((section) => headingKey(section.title)))]
    for (const key of keys) {
      const entry = seen.get(key) ?? { count: 0, ranks: [], depths: [] }
      entry.count++
      entry.depths.push(...sections.filter((section) => headingKey(section.title) === key).map((section) => section.depth))
      seen.set(key, entry)
    }
  }
  const kept = [...seen].filter(([, entry]) => entry.count / recent.length > sharedBy).map(([key]) => key)
  const keptSet = new Set(kept)
  // Rank of each kept key among the kept keys of each meeting, 0..1: its usual place.
  for (const sections of listed) {
    const order = [...new Set(sections.map((section) => headingKey(section.title)).filter((key) => keptSet.has(key)))]
    order.forEach((key, index) => seen.get(key)?.ranks.push(order.length > 1 ? index / (order.length - 1) : 0))
  }
  const place = (key: string) => average(seen.get(key)?.ranks ?? [])
  return kept
    .sort((a, b) => place(a) - place(b))
    .map((key) => {
      const depth = mostCommon(seen.get(key)?.depths ?? [2])
      const from = latestWith(recent, listed, key, depth)
      return { key, depth, source: from ? headingSource(from.meeting, from.section) : `${'#'.repeat(depth)} ${key}`, from: from as SkeletonHeading['from'] }
    })
    .filter((heading) => heading.from !== undefined)
}

/** The sections below the title. */
export function bodySections(meeting: PastMeeting): Section[] {
  const title = meeting.model.title?.heading
  return meeting.model.sections.filter((section) => section.heading !== title)
}

function latestWith(recent: readonly PastMeeting[], listed: readonly Section[][], key: string, depth: number): { meeting: PastMeeting; section: Section } | undefined {
  for (let index = recent.length - 1; index >= 0; index--) {
    const section = listed[index]?.find((candidate) => headingKey(candidate.title) === key && candidate.depth === depth)
    const meeting = recent[index]
    if (section && meeting) return { meeting, section }
  }
  return undefined
}

/** A heading as its file writes it. */
export function headingSource(meeting: PastMeeting, section: Section): string {
  const position = section.heading.position
  const start = position?.start.offset
  const end = position?.end.offset
  if (start === undefined || end === undefined) return `${'#'.repeat(section.depth)} ${section.title}`
  return meeting.text.slice(start, end)
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 1 : values.reduce((sum, value) => sum + value, 0) / values.length
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 2
}

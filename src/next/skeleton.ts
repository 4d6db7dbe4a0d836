import { headingKey } from '../model/sections.js'
import type { Section } from '../model/types.js'
import { headingForm } from './heading-form.js'
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

/** How the skeleton's headings are chosen (the evaluation tries others; docs/next-meeting.md). */
export interface SkeletonTuning {
  /** A heading is kept when more than this share of the recent meetings have it. */
  sharedBy: number
  /** Each older meeting counts this much of the one after it (1: all alike). */
  decay: number
  /** A heading in each of the last this many meetings is kept whatever its share (0: no such rule). */
  lastRun: number
}

/** The tuning chosen (docs/next-meeting.md): three meetings running are enough to follow a series that renamed a heading. */
export const SKELETON_TUNING: SkeletonTuning = { sharedBy: SHARED_BY, decay: 1, lastRun: 3 }

/**
 * The headings the recent meetings (oldest first) mostly share, in their usual order and at
 * their usual level; the title is not one of them. Headings are the same when a reader
 * would call them so (headingForm: `Status Page` and `StatusPage`). A topic heading of one
 * meeting is in too few of them to be kept.
 */
export function sharedHeadings(meetings: readonly PastMeeting[], tuning: Partial<SkeletonTuning> = {}): SkeletonHeading[] {
  const { sharedBy, decay, lastRun } = { ...SKELETON_TUNING, ...tuning }
  const recent = meetings.slice(-RECENT_MEETINGS)
  const seen = new Map<string, { weight: number; ranks: number[]; depths: number[] }>()
  const listed = recent.map((meeting) => bodySections(meeting))
  const weights = recent.map((_, index) => decay ** (recent.length - 1 - index))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  listed.forEach((sections, index) => {
    for (const form of new Set(sections.map((section) => headingForm(section.title)))) {
      const entry = seen.get(form) ?? { weight: 0, ranks: [], depths: [] }
      entry.weight += weights[index] ?? 0
      entry.depths.push(...sections.filter((section) => headingForm(section.title) === form).map((section) => section.depth))
      seen.set(form, entry)
    }
  })
  const inLatest = (form: string, count: number) => count > 0 && listed.length >= count && listed.slice(-count).every((sections) => sections.some((section) => headingForm(section.title) === form))
  const kept = [...seen].filter(([form, entry]) => entry.weight / total > sharedBy || inLatest(form, lastRun)).map(([form]) => form)
  const keptSet = new Set(kept)
  // Rank of each kept heading among the kept ones of each meeting, 0..1: its usual place.
  for (const sections of listed) {
    const order = [...new Set(sections.map((section) => headingForm(section.title)).filter((form) => keptSet.has(form)))]
    order.forEach((form, index) => seen.get(form)?.ranks.push(order.length > 1 ? index / (order.length - 1) : 0))
  }
  const place = (form: string) => average(seen.get(form)?.ranks ?? [])
  return kept
    .sort((a, b) => place(a) - place(b))
    .flatMap((form) => {
      const depth = mostCommon(seen.get(form)?.depths ?? [2])
      const from = latestWith(recent, listed, form, depth)
      return from ? [{ key: headingKey(from.section.title), depth, source: headingSource(from.meeting, from.section), from }] : []
    })
}

/** The sections below the title. */
export function bodySections(meeting: PastMeeting): Section[] {
  const title = meeting.model.title?.heading
  return meeting.model.sections.filter((section) => section.heading !== title)
}

function latestWith(recent: readonly PastMeeting[], listed: readonly Section[][], form: string, depth: number): { meeting: PastMeeting; section: Section } | undefined {
  for (let index = recent.length - 1; index >= 0; index--) {
    const section = listed[index]?.find((candidate) => headingForm(candidate.title) === form && candidate.depth === depth)
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

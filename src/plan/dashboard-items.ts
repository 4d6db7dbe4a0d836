import type { ValidateFunction } from 'ajv'
import validators from '../schemas/validators.cjs'
import { permalink, type SourceLinks } from '../markup/permalink.js'
import type { ApplyResult } from './apply-result.js'
import type { ItemOccurrence } from './occurrences.js'
import type { IssueChange, KnownIssue } from './plan-issues.js'
import { createdIssues } from './issues-after-run.js'

/**
 * One open action item as the dashboard and the CLI's `items` view show it: built from the
 * action-item issues (the action) or from the minutes alone (the CLI, no issue numbers).
 */
export interface OpenItem {
  /** The issue that tracks it; null offline. */
  issue: number | null
  /** What is to be done, as the issue's title says it (without `[series]`): with its context when the text leans on it. */
  text: string
  series: string
  /** GitHub logins, without `@`. */
  owners: string[]
  /** `YYYY-MM-DD` it was first written down; null when unknown. */
  since: string | null
  /** A link to its line in the minutes it comes from; null when unknown. */
  source: string | null
  /** `YYYY-MM-DD`, as the newest meeting that lists it says; null: none. */
  due: string | null
  /** How many meetings listed it (1: only the one that wrote it down). */
  meetings: number
}

/**
 * What the dashboard remembers beyond the issues, per issue number: what later meetings said
 * (due date, how many meetings repeated the item, the last one counted). A push run reads
 * only the files it changed, so these facts would otherwise be lost on the next run.
 */
export type DashboardFacts = Record<string, [due: string | null, meetings: number, at: string | null]>

interface Facts {
  due: string | null
  meetings: number
  /** Path of the last meeting counted; null when unknown. */
  at: string | null
}

/** What the dashboard is built from after the run's writes. */
export interface DashboardInput {
  /** The action-item issues as listed before the run's writes. */
  known: readonly KnownIssue[]
  /** The run's plan, and what carrying it out did (null: nothing written). */
  changes: readonly IssueChange[]
  result: ApplyResult | null
  /** Read back from the dashboard's body; {} for a new one. */
  previous: DashboardFacts
  links: SourceLinks
  /** `YYYY-MM-DD`: the date of issues this run created that have no meeting date. */
  today: string
}

/**
 * The open action-item issues after this run: listed open and not closed now, reopened now,
 * or created now; each with what its marker, its body, the run and the dashboard's memory say.
 */
export function dashboardItems(input: DashboardInput): { items: OpenItem[]; facts: DashboardFacts } {
  const { known, changes, result, previous, links } = input
  const closed = new Set(result?.closed.map((issue) => issue.number) ?? [])
  const reopened = new Set(result?.reopened.map((issue) => issue.number) ?? [])
  const seen = new Map<number, ItemOccurrence>()
  for (const change of changes) {
    if ((change.kind === 'unchanged' || change.kind === 'reopen') && change.issue) seen.set(change.issue.number, change.occurrence)
  }
  const items: OpenItem[] = []
  const facts: DashboardFacts = {}
  const numbers = new Set<number>()
  const keep = (item: Omit<OpenItem, 'due' | 'meetings'>, base: Facts, occurrence: ItemOccurrence | undefined): void => {
    if (item.issue === null || numbers.has(item.issue)) return
    numbers.add(item.issue)
    const remembered = previous[String(item.issue)]
    const before = remembered ? { due: remembered[0], meetings: remembered[1], at: remembered[2] } : base
    const now = occurrence ? advance(before, occurrence) : before
    if (now.due !== base.due || now.meetings !== base.meetings || now.at !== base.at) facts[String(item.issue)] = [now.due, now.meetings, now.at]
    items.push({ ...item, due: now.due, meetings: now.meetings })
  }

  for (const issue of known) {
    const open = (issue.state === 'open' && !closed.has(issue.number)) || reopened.has(issue.number)
    if (!open) continue
    const source = ourLink(issue.source ?? null, links)
    const { identity } = issue
    keep(
      { issue: issue.number, text: titleText(issue.title, identity.series), series: identity.series, owners: identity.owners, since: identity.date ?? issue.createdAt ?? null, source },
      { due: identity.due ?? null, meetings: 1, at: source ? pathOfLink(source) : null },
      seen.get(issue.number),
    )
  }
  for (const [change, created] of createdIssues(changes, result)) {
    const { occurrence } = change
    keep(
      { issue: created.number, text: titleText(change.title, occurrence.series), series: occurrence.series, owners: occurrence.item.owners, since: occurrence.date ?? input.today, source: permalink(links, occurrence.path, occurrence.item.line) },
      { due: occurrence.item.due, meetings: 1, at: occurrence.path },
      undefined,
    )
  }
  return { items, facts }
}

/** An issue's title without the `[series] ` it starts with; a title edited by hand is kept as it is. */
function titleText(title: string, series: string): string {
  const prefix = `[${series}] `
  return title.startsWith(prefix) ? title.slice(prefix.length) : title
}

/** A newer meeting listing the item counts once; its due date (or none) is the item's now. */
function advance(before: Facts, occurrence: ItemOccurrence): Facts {
  const repeated = before.at !== null && before.at !== occurrence.path
  return { due: occurrence.item.due, meetings: before.meetings + (repeated ? 1 : 0), at: occurrence.path }
}

/** The body's source link, when it points at a line of this repository's minutes (a body edited by hand may point anywhere). */
function ourLink(url: string | null, links: SourceLinks): string | null {
  if (!url) return null
  const prefix = `${links.serverUrl}/${links.repository}/blob/`
  return url.startsWith(prefix) && /^[0-9a-f]{40}\/[^\s()]+#L\d+$/u.test(url.slice(prefix.length)) ? url : null
}

/** `community-call/20261119.md` of a permalink `…/blob/{sha}/community-call/20261119.md#L14`. */
function pathOfLink(url: string): string {
  const afterSha = url.slice(url.indexOf('/blob/') + '/blob/'.length + 41)
  return afterSha
    .replace(/#L\d+$/u, '')
    .split('/')
    .map((segment) => safeDecode(segment))
    .join('/')
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const STATE_PREFIX = '<!-- minutes-automation:dashboard-state:'
const STATE_SUFFIX = ' -->'

/** schemas/dashboard-state.schema.json, compiled at build time. */
const validateState = validators.validateDashboardState as ValidateFunction<{ v: 1; items: DashboardFacts }>

/** The facts as a hidden comment for the end of the body; base64, so no text can end it early. */
export function factsComment(facts: DashboardFacts): string {
  return `${STATE_PREFIX}${Buffer.from(JSON.stringify({ v: 1, items: facts }), 'utf8').toString('base64')}${STATE_SUFFIX}`
}

/** The facts a dashboard's body remembers; {} when there are none or they are not valid (a body edited by hand). */
export function readFacts(body: string | null | undefined): DashboardFacts {
  const start = body?.lastIndexOf(STATE_PREFIX) ?? -1
  if (!body || start < 0) return {}
  const end = body.indexOf(STATE_SUFFIX, start + STATE_PREFIX.length)
  if (end < 0) return {}
  try {
    const value: unknown = JSON.parse(Buffer.from(body.slice(start + STATE_PREFIX.length, end), 'base64').toString('utf8'))
    return validateState(value) ? value.items : {}
  } catch {
    return {}
  }
}

import { BODY_BUDGET } from '../markup/github-limits.js'
import { cell, escapeText, link } from '../markup/escape.js'
import { factsComment, type DashboardFacts, type OpenItem } from '../plan/dashboard-items.js'
import { plural } from '../report/findings.js'

/** Starts the dashboard issue's body: how the action, and anyone's tooling, finds it. */
export const DASHBOARD_MARKER = '<!-- minutes-automation:dashboard -->'

/** The dashboard is measured whole and kept under the bodies' budget (markup/github-limits.ts). */
export const DASHBOARD_LIMIT = BODY_BUDGET
/** Owners and series named in the counts at the top; the rest are summed up. */
const COUNTS_LISTED = 25
/** Item text shown per line. */
const TEXT_LIMIT = 200
/** The dashboard's memory of due dates and repeats takes at most this much of the body; entries past it are left out. */
const FACTS_LIMIT = 12_000

/** How the open items are shown: by the action (links to GitHub's issue search) or offline. */
export interface OpenItemsOptions {
  /** `YYYY-MM-DD`: a due date before it is marked overdue. */
  today: string
  /** Most characters the text may take. */
  limit: number
  /** GitHub's issue search, for each group's link; null offline. */
  search: { serverUrl: string; repository: string; label: string } | null
}

/** One group: an owner's items, or the items nobody owns (owner null). */
export interface OpenItemGroup {
  owner: string | null
  items: OpenItem[]
}
type Group = OpenItemGroup

/**
 * The open action items as Markdown, one pure function for the dashboard issue and the
 * CLI's `items` view: counts per series and per owner, then a group per owner (each linking
 * to the owner's issues on GitHub) and the items nobody owns; oldest first within a group.
 * Dates are stated, never relative ages, so the text changes only when the items do. When
 * the whole list would pass `limit`, the groups fold into `<details>`, and groups that still
 * do not fit show their count and a link to the matching issue search instead of their lines.
 */
export function renderOpenItems(items: readonly OpenItem[], options: OpenItemsOptions): string {
  const groups = groupByOwner(items)
  const head = [...counts(items, groups), '']
  const full = [...head, ...groups.flatMap((group) => groupLines(group, options, false))].join('\n')
  if (full.length <= options.limit) return full

  // Folded groups while they fit, then count lines; the last line sums up any groups left,
  // with room kept for it: every item stays counted.
  const out = [...head]
  let used = head.join('\n').length + 1
  const room = options.limit - TAIL_ROOM
  for (const [index, group] of groups.entries()) {
    const folded = groupLines(group, options, true).join('\n')
    const counted = `${countLine(group, options)}\n`
    const shown = used + folded.length + 1 <= room ? folded : used + counted.length + 1 <= room ? counted : null
    if (shown === null) {
      out.push(restLine(groups.slice(index), options))
      break
    }
    out.push(shown)
    used += shown.length + 1
  }
  return out.join('\n')
}

/** Room kept for the line that sums up the groups past the limit. */
const TAIL_ROOM = 400

function restLine(rest: readonly Group[], options: OpenItemsOptions): string {
  const items = new Set(rest.flatMap((group) => group.items)).size
  const url = options.search ? allUrl(options.search) : null
  return `**${plural(rest.length, 'more group')}** · ${plural(items, 'open item')}${url ? `: ${link('all open action items on GitHub', url)}` : ''}.\n`
}

/** The dashboard issue's whole body: marker, the items, the footer, and its hidden memory. */
export function renderDashboard(items: readonly OpenItem[], facts: DashboardFacts, options: Omit<OpenItemsOptions, 'limit'>): string {
  const kept = boundedFacts(facts)
  const memory = Object.keys(kept).length > 0 ? `${factsComment(kept)}\n` : ''
  const footer = [
    '---',
    '',
    '<sub>Kept by minutes-automation from the open action-item issues: rewritten when they change, so edits to this text are overwritten. Close this issue to stop the updates.</sub>',
    '',
  ].join('\n')
  const fixed = DASHBOARD_MARKER.length + 1 + footer.length + memory.length + 2
  return `${DASHBOARD_MARKER}\n${renderOpenItems(items, { ...options, limit: DASHBOARD_LIMIT - fixed - SAFETY })}\n${footer}${memory}`
}

/** Characters kept free under GitHub's limit. */
const SAFETY = 500

function boundedFacts(facts: DashboardFacts): DashboardFacts {
  const kept: DashboardFacts = {}
  let size = 0
  for (const key of Object.keys(facts).sort((a, b) => Number(a) - Number(b))) {
    const entry = facts[key]
    if (!entry) continue
    size += (JSON.stringify(entry).length + key.length + 4) * 1.34
    if (size > FACTS_LIMIT) break
    kept[key] = entry
  }
  return kept
}

/**
 * The items as a meeting goes through them: a group per owner (by login; an item of two owners
 * is in both), then the items nobody owns; oldest first within a group. The JSON of the CLI's
 * `items` view is these groups.
 */
export function groupByOwner(items: readonly OpenItem[]): Group[] {
  const byOwner = new Map<string, OpenItem[]>()
  const nobody: OpenItem[] = []
  for (const item of items) {
    if (item.owners.length === 0) nobody.push(item)
    for (const owner of item.owners) byOwner.set(owner, [...(byOwner.get(owner) ?? []), item])
  }
  const groups: Group[] = [...byOwner.keys()].sort().map((owner) => ({ owner, items: oldestFirst(byOwner.get(owner) ?? []) }))
  if (nobody.length > 0) groups.push({ owner: null, items: oldestFirst(nobody) })
  return groups
}

function oldestFirst(items: OpenItem[]): OpenItem[] {
  return [...items].sort((a, b) => (a.since ?? '9999').localeCompare(b.since ?? '9999') || (a.issue ?? 0) - (b.issue ?? 0) || a.text.localeCompare(b.text))
}

function counts(items: readonly OpenItem[], groups: readonly Group[]): string[] {
  if (items.length === 0) return ['**No open action items.**']
  const series = new Map<string, number>()
  for (const item of items) series.set(item.series, (series.get(item.series) ?? 0) + 1)
  const bySeries = [...series.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => `${cell(name, 100)} ${count}`)
  const byOwner = groups.map((group) => `${ownerName(group.owner)} ${group.items.length}`)
  return [`**${plural(items.length, 'open action item')}.**`, '', `- **By series:** ${listed(bySeries)}`, `- **By owner:** ${listed(byOwner)}`]
}

function listed(entries: string[]): string {
  const shown = entries.slice(0, COUNTS_LISTED).join(', ')
  return entries.length > COUNTS_LISTED ? `${shown} and ${entries.length - COUNTS_LISTED} more` : shown
}

function ownerName(owner: string | null): string {
  return owner === null ? '_nobody named_' : escapeText(owner)
}

function groupLines(group: Group, options: OpenItemsOptions, folded: boolean): string[] {
  const title = group.owner === null ? 'Nobody named' : escapeText(group.owner)
  const count = `${group.items.length} open`
  const url = searchUrl(group.owner, options)
  const lines = group.items.map((item) => itemLine(item, options))
  if (!folded) {
    return [`### ${url ? link(title, url) : title} · ${count}`, '', ...lines, '']
  }
  return [`<details><summary><strong>${title}</strong> · ${count}</summary>`, '', ...(url ? [link('Their issues on GitHub', url), ''] : []), ...lines, '', '</details>', '']
}

/** A group past the limit: its count, and where GitHub lists its issues. */
function countLine(group: Group, options: OpenItemsOptions): string {
  const title = group.owner === null ? 'Nobody named' : escapeText(group.owner)
  const url = searchUrl(group.owner, options)
  return `**${title}** · ${group.items.length} open: ${url ? link('listed on GitHub', url) : 'too many to list here'}.`
}

/** `- [#8](…) announce the window — community-call, since [2026-11-19](…) · due 2026-11-30, **overdue** · in 3 meetings` */
function itemLine(item: OpenItem, options: OpenItemsOptions): string {
  const { today, search } = options
  const issue = item.issue === null ? '' : search ? `${link(`#${item.issue}`, `${search.serverUrl}/${search.repository}/issues/${item.issue}`)} ` : `#${item.issue} `
  const parts = [`${issue}${cell(item.text, TEXT_LIMIT)} — ${cell(item.series, 100)}`]
  const since = item.since ?? 'an unknown date'
  if (item.source) parts[0] += `, since ${link(since, item.source)}`
  else if (item.since) parts[0] += `, since ${item.since}`
  if (item.due) parts.push(item.due < today ? `due ${item.due}, **overdue**` : `due ${item.due}`)
  if (item.meetings > 1) parts.push(`in ${item.meetings} meetings`)
  return `- ${parts.join(' · ')}`
}

function allUrl(search: NonNullable<OpenItemsOptions['search']>): string {
  return `${search.serverUrl}/${search.repository}/issues?${new URLSearchParams({ q: `is:issue is:open label:${quotedLabel(search.label)}` }).toString()}`
}

function quotedLabel(label: string): string {
  return /^[\w.-]+$/u.test(label) ? label : `"${label.replaceAll('"', '')}"`
}

/** GitHub's list of an owner's open action-item issues (or of those assigned to nobody). */
function searchUrl(owner: string | null, options: OpenItemsOptions): string | null {
  if (!options.search) return null
  const { serverUrl, repository, label } = options.search
  const query = `is:issue is:open label:${quotedLabel(label)} ${owner === null ? 'no:assignee' : `assignee:${owner}`}`
  return `${serverUrl}/${repository}/issues?${new URLSearchParams({ q: query }).toString()}`
}

import { matchItems } from '../action-items/index.js'
import type { SourceLinks } from '../markup/permalink.js'
import type { ItemIdentity } from './issue-marker.js'
import { closeComment, duplicateComment, issueBody, issueTitle, markerSeries, reopenComment } from './issue-text.js'
import type { ItemOccurrence } from './occurrences.js'
import { referencedIssues } from './referenced-issues.js'
import { teamLabelName } from './team-label.js'

/** An issue that tracks an action item, as listed from GitHub and read from its marker. */
export interface KnownIssue {
  number: number
  url: string
  title: string
  state: 'open' | 'closed'
  /** `completed`, `not_planned`, ...; null when open or unknown. */
  stateReason: string | null
  identity: ItemIdentity
  /** `YYYY-MM-DD` the issue was opened, for the dashboard (markers before it carry no date). */
  createdAt?: string
  /** The link to the item's line its body gives (`readSourceLink`); null when edited away. */
  source?: string | null
}

export interface CreateIssue {
  kind: 'create'
  occurrence: ItemOccurrence
  title: string
  body: string
  labels: string[]
  /** The team label among `labels` (from the folder's name): used only if it is not a label of another purpose. */
  teamLabel?: string
}

export interface CloseIssue {
  kind: 'close'
  occurrence: ItemOccurrence
  issue: KnownIssue
  comment: string
}

export interface ReopenIssue {
  kind: 'reopen'
  occurrence: ItemOccurrence
  issue: KnownIssue
  comment: string
}

/**
 * Nothing to do: tracked and in step, or done before it ever needed an issue. `ownersDiffer`:
 * the item asks for a close or reopen, but its owners are not the issue's, so the issue is
 * left as it is (see `mayChangeState`).
 */
export interface UnchangedIssue {
  kind: 'unchanged'
  occurrence: ItemOccurrence
  issue: KnownIssue | null
  ownersDiffer?: true
}

/** A second open issue for one item (two runs raced): closed in favour of the first. */
export interface CloseDuplicate {
  kind: 'close-duplicate'
  issue: KnownIssue
  duplicateOf: KnownIssue
  comment: string
}

/** An issue this run would create but leaves to a later run: over `max-new-issues`. */
export interface HeldBackIssue {
  kind: 'held-back'
  occurrence: ItemOccurrence
  title: string
}

/** A close or reopen this run leaves to a later run: over `max-closes-and-reopens`. */
export interface HeldBackStateChange {
  kind: 'held-back-close' | 'held-back-reopen'
  occurrence: ItemOccurrence
  issue: KnownIssue
}

/** An open item from a meeting before `actionItems.since`: it never becomes an issue. */
export interface BeforeSince {
  kind: 'before-since'
  occurrence: ItemOccurrence
}

export type IssueChange = CreateIssue | CloseIssue | ReopenIssue | UnchangedIssue | CloseDuplicate | HeldBackIssue | HeldBackStateChange | BeforeSince

/** The changes that write to GitHub. */
export type IssueWrite = CreateIssue | CloseIssue | ReopenIssue | CloseDuplicate

export function isWrite(change: IssueChange): change is IssueWrite {
  return change.kind === 'create' || change.kind === 'close' || change.kind === 'reopen' || change.kind === 'close-duplicate'
}

export interface IssuePlanOptions {
  /** Label of every action-item issue. */
  label: string
  /** Per-team label with `{series}`; null: none. */
  teamLabel: string | null
  links: SourceLinks
  /** `YYYY-MM-DD`: open items of meetings before it get no issue (items already tracked are kept in step); null: all. */
  since?: string | null
  /** At most this many issues are created; the rest are held back for later runs, oldest meetings first. null: no limit. */
  maxNewIssues?: number | null
  /** At most this many closes and reopens together; the rest are held back, oldest meetings first. null: no limit. */
  maxClosesAndReopens?: number | null
}

/**
 * What to do on GitHub so that every item has exactly one issue in the right state. Pure:
 * the same items and issues always give the same plan, so a re-run after success is empty.
 */
export function planIssues(occurrences: readonly ItemOccurrence[], known: readonly KnownIssue[], options: IssuePlanOptions): IssueChange[] {
  const { originals, duplicates } = splitDuplicates(known)
  const { issueOf, explicit, superseded } = matchWithReferences(occurrences, originals)
  const changes: IssueChange[] = occurrences.map((occurrence, index) =>
    superseded.has(index) ? { kind: 'unchanged', occurrence, issue: issueOf.get(index) ?? null } : changeFor(occurrence, issueOf.get(index) ?? null, options, explicit.has(index)),
  )
  holdBack(changes, options.maxNewIssues ?? null)
  holdBackStateChanges(changes, options.maxClosesAndReopens ?? null)
  for (const [duplicate, original] of duplicates) {
    changes.push({ kind: 'close-duplicate', issue: duplicate, duplicateOf: original, comment: duplicateComment(original.number) })
  }
  return changes
}

function changeFor(occurrence: ItemOccurrence, issue: KnownIssue | null, options: IssuePlanOptions, explicit: boolean): IssueChange {
  const { done } = occurrence.item
  if (!issue) {
    if (done) return { kind: 'unchanged', occurrence, issue: null }
    if (options.since && occurrence.date !== null && occurrence.date < options.since) return { kind: 'before-since', occurrence }
    const teamLabel = options.teamLabel ? teamLabelName(options.teamLabel, occurrence.series) : null
    const labels = [options.label, ...(teamLabel ? [teamLabel] : [])]
    return { kind: 'create', occurrence, title: issueTitle(occurrence), body: issueBody(occurrence, options.links), labels, ...(teamLabel ? { teamLabel } : {}) }
  }
  const close = done && issue.state === 'open'
  // A person who closed it as "not planned" decided; a carried-over line does not overrule them.
  const reopen = !done && issue.state === 'closed' && issue.stateReason !== 'not_planned'
  const allowed = explicit ? mayChangeReferencedState(occurrence, issue) : mayChangeState(occurrence, issue)
  if ((close || reopen) && !allowed) return { kind: 'unchanged', occurrence, issue, ownersDiffer: true }
  if (close) return { kind: 'close', occurrence, issue, comment: closeComment(occurrence, options.links) }
  if (reopen) return { kind: 'reopen', occurrence, issue, comment: reopenComment(occurrence, options.links) }
  return { kind: 'unchanged', occurrence, issue }
}

/**
 * Whether an item may close or reopen the issue it matched. Matching is lenient, to keep an
 * edited item on its issue; changing an issue's state is not: the same series, and the same
 * owners (as a set, ignoring case), so a line naming nobody, or someone else, never closes or
 * reopens a person's issue. An issue that names nobody has no one to protect: its item, given
 * an owner later, keeps it in step. An item of more owners than its marker keeps (50) counts
 * as the same owners only word for word (the same fingerprint).
 */
export function mayChangeState(occurrence: ItemOccurrence, issue: KnownIssue): boolean {
  if (markerSeries(occurrence.series) !== issue.identity.series) return false
  if (issue.identity.owners.length === 0 || occurrence.item.id === issue.identity.id) return true
  const theirs = new Set(issue.identity.owners.map((owner) => owner.toLowerCase()))
  const ours = new Set(occurrence.item.owners.map((owner) => owner.toLowerCase()))
  return ours.size === theirs.size && [...ours].every((owner) => theirs.has(owner))
}

/**
 * Whether an item that references its issue (`#123`) may close or reopen it. The reference is
 * a deliberate identity, so owners may have been edited and the series may differ; but a line
 * naming nobody still never changes the state of an issue that has owners.
 */
export function mayChangeReferencedState(occurrence: ItemOccurrence, issue: KnownIssue): boolean {
  return occurrence.item.owners.length > 0 || issue.identity.owners.length === 0
}

/** Creates beyond the first `max` become held back, in plan order (oldest meetings first). */
function holdBack(changes: IssueChange[], max: number | null): void {
  if (max === null) return
  let creates = 0
  changes.forEach((change, index) => {
    if (change.kind !== 'create' || ++creates <= max) return
    changes[index] = { kind: 'held-back', occurrence: change.occurrence, title: change.title }
  })
}

/** Closes and reopens beyond the first `max` (together) become held back, in plan order. */
function holdBackStateChanges(changes: IssueChange[], max: number | null): void {
  if (max === null) return
  let count = 0
  changes.forEach((change, index) => {
    if ((change.kind !== 'close' && change.kind !== 'reopen') || ++count <= max) return
    changes[index] = { kind: change.kind === 'close' ? 'held-back-close' : 'held-back-reopen', occurrence: change.occurrence, issue: change.issue }
  })
}

/**
 * Occurrence index → its issue: an item referencing an issue of ours is that issue's item
 * (explicit identity, referenced-issues.ts; an earlier item referencing an issue a later one
 * decides is `superseded`); the other items are matched by their text among the issues no
 * item references.
 */
function matchWithReferences(
  occurrences: readonly ItemOccurrence[],
  issues: readonly KnownIssue[],
): { issueOf: Map<number, KnownIssue>; explicit: ReadonlySet<number>; superseded: Set<number> } {
  const { issues: explicit, superseded } = referencedIssues(occurrences, issues)
  const explicitIndexes = new Set(explicit.keys())
  const referenced = new Set(explicit.values())
  const rest = occurrences.flatMap((_, index) => (explicit.has(index) ? [] : [index]))
  const byText = matchToIssues(
    rest.map((index) => occurrences[index] as ItemOccurrence),
    issues.filter((issue) => !referenced.has(issue)),
  )
  for (const [restIndex, issue] of byText) explicit.set(rest[restIndex] as number, issue)
  return { issueOf: explicit, explicit: explicitIndexes, superseded }
}

/** Occurrence index → its issue: the same fingerprint first, then the same item slightly edited. */
function matchToIssues(occurrences: readonly ItemOccurrence[], issues: readonly KnownIssue[]): Map<number, KnownIssue> {
  const result = new Map<number, KnownIssue>()
  const series = new Set(occurrences.map((occurrence) => occurrence.series))
  for (const name of series) {
    const found = occurrences.flatMap((occurrence, index) => (occurrence.series === name ? [{ index, occurrence }] : []))
    const open = issues.filter((issue) => issue.identity.series === markerSeries(name))
    const matches = matchItems(
      open.map((issue) => issue.identity),
      found.map(({ occurrence }) => occurrence.item),
    )
    for (const [foundIndex, issueIndex] of matches) {
      const entry = found[foundIndex]
      const issue = open[issueIndex]
      if (entry && issue) result.set(entry.index, issue)
    }
  }
  return result
}

/** Issues with the same identity: the lowest number is the original, open later ones are duplicates. */
function splitDuplicates(known: readonly KnownIssue[]): { originals: KnownIssue[]; duplicates: Array<[KnownIssue, KnownIssue]> } {
  const originals = new Map<string, KnownIssue>()
  const duplicates: Array<[KnownIssue, KnownIssue]> = []
  for (const issue of [...known].sort((a, b) => a.number - b.number)) {
    const key = `${issue.identity.series}\n${issue.identity.id}`
    const original = originals.get(key)
    if (!original) originals.set(key, issue)
    else if (issue.state === 'open') duplicates.push([issue, original])
  }
  return { originals: [...originals.values()], duplicates }
}

/**
 * A done item that never had an issue: the plan calls it `unchanged`, but there is no issue to
 * leave as it is and nothing happens to it. The CLI's `plan` and the PR comment say
 * `done, no issue` and count it apart from the issues left unchanged. (Only `changeFor` makes
 * an `unchanged` change without an issue, and only for a done item.)
 */
export function isDoneWithoutIssue(change: IssueChange): change is UnchangedIssue & { issue: null } {
  return change.kind === 'unchanged' && change.issue === null
}

/** How many of each kind, for the comment's one-line summary and the outputs. */
export function countChanges(changes: readonly IssueChange[]): Record<IssueChange['kind'], number> {
  const counts = { create: 0, close: 0, reopen: 0, unchanged: 0, 'close-duplicate': 0, 'held-back': 0, 'held-back-close': 0, 'held-back-reopen': 0, 'before-since': 0 }
  for (const change of changes) counts[change.kind]++
  return counts
}

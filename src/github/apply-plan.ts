import type { ApplyResult } from '../plan/apply-result.js'
import { isWrite, type CloseDuplicate, type CloseIssue, type CreateIssue, type IssueChange, type IssueWrite, type ReopenIssue } from '../plan/plan-issues.js'
import { type GitHubClient, type Repository, getErrorMessage, statusOf } from './client.js'

/** GitHub assigns at most 10 people to an issue; further owners are only named in its body. */
export const MAX_ASSIGNEES = 10
/**
 * Assignee checks (one request each) one run makes at most: the GITHUB_TOKEN has 1,000
 * requests an hour, and a hostile file may name thousands of owners. Owners past the cap are
 * not assigned (named in the body, as every owner is).
 */
export const MAX_ASSIGNEE_CHECKS = 50

const LABEL_COLOR = '0e8a16'
const LABEL_DESCRIPTION = 'An action item from meeting minutes, kept by minutes-automation'

/**
 * Carries out an issue plan, one write at a time (the throttling plugin spaces writes as
 * GitHub asks). A failed write is recorded and the rest go on; a 403 stops all writes,
 * since every later one would fail the same way.
 */
export async function applyPlan(client: GitHubClient, repository: Repository, changes: readonly IssueChange[]): Promise<ApplyResult> {
  const result: ApplyResult = { created: [], closed: [], reopened: [], failed: [], forbidden: null, uncheckedOwners: 0 }
  const creates = changes.filter((change): change is CreateIssue => change.kind === 'create')
  const writes = changes.filter(isWrite)
  if (writes.length === 0) return result

  const assignable = await checkAssignable(client, repository, creates, result)
  const labels: LabelsSeen = { ready: new Set(), refused: new Map() }
  for (const change of writes) {
    if (result.forbidden) {
      result.failed.push({ change, message: 'not attempted: the token may not write issues' })
      continue
    }
    try {
      const write = change.kind === 'create' ? { ...change, labels: await ensureLabels(client, repository, change, labels) } : change
      await applyChange(client, repository, write, assignable, result)
    } catch (error) {
      if (statusOf(error) === 403) result.forbidden = getErrorMessage(error)
      result.failed.push({ change, message: getErrorMessage(error) })
    }
  }
  if (labels.refused.size > 0) result.skippedLabels = [...labels.refused].map(([name, description]) => ({ name, description }))
  return result
}

async function applyChange(
  client: GitHubClient,
  repository: Repository,
  change: IssueWrite,
  assignable: ReadonlyMap<string, boolean>,
  result: ApplyResult,
): Promise<void> {
  switch (change.kind) {
    case 'create': {
      const assignees = candidates(change).filter((owner) => assignable.get(owner.toLowerCase()) === true)
      const { data } = await client.rest.issues.create({ ...repository, title: change.title, body: change.body, labels: change.labels, assignees })
      result.created.push({ number: data.number, url: data.html_url, title: data.title })
      return
    }
    case 'close':
    case 'close-duplicate':
      await setState(client, repository, change, 'closed', change.kind === 'close' ? 'completed' : 'duplicate')
      result.closed.push({ number: change.issue.number, url: change.issue.url, title: change.issue.title })
      return
    case 'reopen':
      await setState(client, repository, change, 'open', 'reopened')
      result.reopened.push({ number: change.issue.number, url: change.issue.url, title: change.issue.title })
      return
  }
}

/**
 * State first, then the comment: should the comment fail, the issue is still right and a
 * re-run (which sees it closed) does not post a second comment.
 */
async function setState(
  client: GitHubClient,
  repository: Repository,
  change: CloseIssue | ReopenIssue | CloseDuplicate,
  state: 'open' | 'closed',
  reason: 'completed' | 'duplicate' | 'reopened',
): Promise<void> {
  const issue_number = change.issue.number
  await client.rest.issues.update({ ...repository, issue_number, state, state_reason: reason })
  await client.rest.issues.createComment({ ...repository, issue_number, body: change.comment })
}

/** Labels looked up this run: usable ones, and team labels refused (with the description that says whose they are). */
interface LabelsSeen {
  ready: Set<string>
  refused: Map<string, string | null>
}

/**
 * The labels an issue gets. Ours are created when missing, with a colour and a description
 * (GitHub would make bare ones). The configured label is used as it is; a team label, named
 * after a folder, only when it is new or already ours (our description): a folder called
 * `good first issue` must not put the repository's label of that name on our issues.
 */
async function ensureLabels(client: GitHubClient, repository: Repository, change: CreateIssue, seen: LabelsSeen): Promise<string[]> {
  const usable: string[] = []
  for (const name of change.labels) {
    const team = name === change.teamLabel && name.toLowerCase() !== change.labels[0]?.toLowerCase()
    if (seen.refused.has(name)) continue
    if (!seen.ready.has(name)) {
      try {
        const { data } = await client.rest.issues.getLabel({ ...repository, name })
        if (team && data.description !== LABEL_DESCRIPTION) {
          seen.refused.set(name, data.description ?? null)
          continue
        }
      } catch (error) {
        if (statusOf(error) !== 404) throw error
        await client.rest.issues.createLabel({ ...repository, name, color: LABEL_COLOR, description: LABEL_DESCRIPTION })
      }
      seen.ready.add(name)
    }
    usable.push(name)
  }
  return usable
}

/** The owners an issue could be assigned to: the first `MAX_ASSIGNEES`, once each (logins ignore case). */
function candidates(change: CreateIssue): string[] {
  const byLogin = new Map<string, string>()
  for (const owner of change.occurrence.item.owners) if (!byLogin.has(owner.toLowerCase())) byLogin.set(owner.toLowerCase(), owner)
  return [...byLogin.values()].slice(0, MAX_ASSIGNEES)
}

/**
 * Which owners GitHub lets us assign, by lower-cased login: each login checked once, only
 * owners who could be assigned, and at most `MAX_ASSIGNEE_CHECKS` checks; the owners past
 * them are counted in `result.uncheckedOwners` and not assigned. Others are only named in the body.
 */
async function checkAssignable(client: GitHubClient, repository: Repository, creates: readonly CreateIssue[], result: ApplyResult): Promise<Map<string, boolean>> {
  const assignable = new Map<string, boolean>()
  const unchecked = new Set<string>()
  for (const assignee of creates.flatMap(candidates)) {
    const login = assignee.toLowerCase()
    if (assignable.has(login) || unchecked.has(login)) continue
    if (assignable.size >= MAX_ASSIGNEE_CHECKS) {
      unchecked.add(login)
      continue
    }
    try {
      await client.rest.issues.checkUserCanBeAssigned({ ...repository, assignee })
      assignable.set(login, true)
    } catch {
      assignable.set(login, false)
    }
  }
  result.uncheckedOwners = unchecked.size
  return assignable
}

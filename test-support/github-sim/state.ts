import { diffTrees } from './diff.js'
import type {
  CommitTree,
  SimComment,
  SimIssue,
  SimLabel,
  SimPullFile,
  SimPullRef,
  SimPullRequest,
  SimRepository,
  SimState,
} from './types.js'

/** Where the simulated repository lives on the web; html_url fields point here. */
export const WEB_URL = 'https://github.com'

/** An issue to seed; everything but the title has a GitHub-like default. */
export type IssueSeed = Partial<SimIssue> & { title: string }

/** A pull request to seed. Without `files`, they are derived from the base and head commits. */
export type PullRequestSeed = Partial<Omit<SimPullRequest, 'head' | 'base'>> & { head: SimPullRef; base?: SimPullRef }

/** A comment to seed on an existing issue or pull request. */
export type CommentSeed = Partial<SimComment> & { issue_number: number; body: string }

/** A label to seed; the color defaults to GitHub's grey. */
export type LabelSeed = Partial<SimLabel> & { name: string }

/** What a simulator starts with. Every field is optional. */
export interface SimSeed {
  /** Default: `{ owner: 'octo-org', name: 'meeting-minutes', defaultBranch: 'main' }`. */
  repo?: Partial<SimRepository>
  /** Commit sha → files. */
  commits?: Record<string, CommitTree>
  /** Branch → sha. Pull request refs are added; the default branch falls back to the first commit. */
  branches?: Record<string, string>
  pulls?: PullRequestSeed[]
  issues?: IssueSeed[]
  comments?: CommentSeed[]
  labels?: LabelSeed[]
  /** Logins that can be assigned. Default: none. */
  assignees?: string[]
  /** Login behind the token. Default `github-actions[bot]`. */
  actor?: string
}

/** Label color GitHub gives labels created implicitly through an issue. */
export const DEFAULT_LABEL_COLOR = 'ededed'

/** Builds the initial state from a seed; `now` is the ISO timestamp seeded records get. */
export function createState(seed: SimSeed, now: string): SimState {
  const repo: SimRepository = {
    owner: 'octo-org',
    name: 'meeting-minutes',
    defaultBranch: 'main',
    id: 700_000_001,
    private: false,
    description: 'Meeting minutes',
    ...seed.repo,
  }
  const state: SimState = {
    repo,
    commits: { ...seed.commits },
    branches: { ...seed.branches },
    pulls: [],
    issues: [],
    comments: [],
    labels: [],
    assignees: [...(seed.assignees ?? [])],
    actor: seed.actor ?? 'github-actions[bot]',
    counters: { number: 1, id: 2_000_000_001, commentId: 3_000_000_001, labelId: 4_000_000_001 },
  }
  for (const label of seed.labels ?? []) addLabel(state, label)
  for (const pull of seed.pulls ?? []) addPullRequest(state, pull, now)
  const firstCommit = Object.keys(state.commits)[0]
  if (!(repo.defaultBranch in state.branches) && firstCommit !== undefined) state.branches[repo.defaultBranch] = firstCommit
  for (const issue of seed.issues ?? []) addIssue(state, issue, now)
  for (const comment of seed.comments ?? []) addComment(state, comment, now)
  return state
}

/** Adds an issue, numbering it from the counter shared with pull requests. */
export function addIssue(state: SimState, seed: IssueSeed, now: string): SimIssue {
  const number = claimNumber(state, seed.number)
  const id = nextId(state)
  const closed = seed.state === 'closed'
  const issue: SimIssue = {
    id,
    node_id: nodeId('I_kwDO', id),
    body: null,
    state: 'open',
    state_reason: closed ? 'completed' : null,
    labels: [],
    assignees: [],
    user: state.actor,
    locked: false,
    created_at: now,
    updated_at: seed.created_at ?? now,
    closed_at: closed ? now : null,
    closed_by: closed ? state.actor : null,
    html_url: `${WEB_URL}/${state.repo.owner}/${state.repo.name}/issues/${number}`,
    ...seed,
    number,
  }
  for (const label of issue.labels) ensureLabel(state, label)
  state.issues.push(issue)
  return issue
}

/** Adds a pull request; its refs become branches and, without `files`, its files are diffed. */
export function addPullRequest(state: SimState, seed: PullRequestSeed, now: string): SimPullRequest {
  const number = claimNumber(state, seed.number)
  const base = seed.base ?? { ref: state.repo.defaultBranch, sha: state.branches[state.repo.defaultBranch] ?? seed.head.sha }
  const id = nextId(state)
  const pull: SimPullRequest = {
    id,
    node_id: nodeId('PR_kwDO', id),
    title: `Pull request #${number}`,
    body: null,
    state: 'open',
    draft: false,
    merged: false,
    user: 'octocat',
    labels: [],
    assignees: [],
    files: derivedFiles(state, base.sha, seed.head.sha),
    created_at: now,
    updated_at: now,
    closed_at: null,
    merged_at: null,
    html_url: `${WEB_URL}/${state.repo.owner}/${state.repo.name}/pull/${number}`,
    ...seed,
    base,
    number,
  }
  state.branches[pull.head.ref] ??= pull.head.sha
  state.branches[pull.base.ref] ??= pull.base.sha
  for (const label of pull.labels) ensureLabel(state, label)
  state.pulls.push(pull)
  return pull
}

/** Adds a comment to an issue or pull request, which must exist. */
export function addComment(state: SimState, seed: CommentSeed, now: string): SimComment {
  const target = findIssueOrPull(state, seed.issue_number)
  if (!target) throw new Error(`Cannot comment on #${seed.issue_number}: no such issue or pull request`)
  const id = seed.id ?? state.counters.commentId++
  const comment: SimComment = {
    node_id: nodeId('IC_kwDO', id),
    user: state.actor,
    html_url: `${target.item.html_url}#issuecomment-${id}`,
    created_at: now,
    updated_at: now,
    ...seed,
    id,
  }
  state.comments.push(comment)
  return comment
}

/** Adds a label; throws if one with the same name (case-insensitive) exists. */
export function addLabel(state: SimState, seed: LabelSeed): SimLabel {
  if (findLabel(state, seed.name)) throw new Error(`Label "${seed.name}" already exists`)
  const id = seed.id ?? state.counters.labelId++
  const label: SimLabel = { node_id: nodeId('LA_kwDO', id), color: DEFAULT_LABEL_COLOR, description: null, default: false, ...seed, id }
  state.labels.push(label)
  return label
}

/** Returns the label with that name, creating it as GitHub does when an issue names an unknown label. */
export function ensureLabel(state: SimState, name: string): SimLabel {
  return findLabel(state, name) ?? addLabel(state, { name })
}

/** Label names are case-insensitive on GitHub. */
export function findLabel(state: SimState, name: string): SimLabel | undefined {
  const wanted = name.toLowerCase()
  return state.labels.find((label) => label.name.toLowerCase() === wanted)
}

/** An issue or a pull request, since both answer the `/issues/{number}` endpoints. */
export type IssueOrPull = { kind: 'issue'; item: SimIssue } | { kind: 'pull'; item: SimPullRequest }

/** Finds the issue or pull request with that number. */
export function findIssueOrPull(state: SimState, number: number): IssueOrPull | undefined {
  const issue = state.issues.find((i) => i.number === number)
  if (issue) return { kind: 'issue', item: issue }
  const pull = state.pulls.find((p) => p.number === number)
  return pull ? { kind: 'pull', item: pull } : undefined
}

/** Whether a login may be assigned (case-insensitive, as logins are). */
export function isAssignable(state: SimState, login: string): boolean {
  const wanted = login.toLowerCase()
  return state.assignees.some((a) => a.toLowerCase() === wanted)
}

/**
 * Resolves what GitHub accepts as a ref: a branch name, `refs/heads/<branch>`, a full
 * commit sha or an unambiguous prefix of at least 7 characters.
 */
export function resolveCommit(state: SimState, ref: string): string | undefined {
  const branch = ref.replace(/^refs\/heads\//, '')
  const fromBranch = state.branches[branch]
  if (fromBranch !== undefined && fromBranch in state.commits) return fromBranch
  if (ref in state.commits) return ref
  if (ref.length < 7) return undefined
  const matches = Object.keys(state.commits).filter((sha) => sha.startsWith(ref))
  return matches.length === 1 ? matches[0] : undefined
}

/** GitHub-style opaque global node ids. */
export function nodeId(prefix: string, id: number): string {
  return prefix + Buffer.from(String(id)).toString('base64url')
}

/** GitHub timestamps: ISO 8601 in UTC without milliseconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function claimNumber(state: SimState, wanted: number | undefined): number {
  const number = wanted ?? state.counters.number
  if (findIssueOrPull(state, number)) throw new Error(`#${number} already exists`)
  state.counters.number = Math.max(state.counters.number, number + 1)
  return number
}

function nextId(state: SimState): number {
  return state.counters.id++
}

function derivedFiles(state: SimState, baseSha: string, headSha: string): SimPullFile[] {
  const base = state.commits[baseSha]
  const head = state.commits[headSha]
  return base && head ? diffTrees(base, head) : []
}

/**
 * The simulator's data model: plain, typed, JSON-like records that tests may read and
 * change directly. Users and labels are referred to by login and name; the routes turn
 * them into GitHub's full JSON objects when answering.
 */

/** Files of one commit: repository-relative path → UTF-8 content (plain files only). */
export type FileTree = Record<string, string>

/** A symbolic link in a commit: git stores it as a blob (mode `120000`) holding `target`. */
export interface SymbolicLinkEntry {
  /** The target as the link writes it, relative to the link's folder (`../notes/a.md`) or absolute. */
  symlink: string
}

/** One path of a commit: a file's UTF-8 content, or a symbolic link (`symlink()` in git-objects). */
export type CommitEntry = string | SymbolicLinkEntry

/** Files and symbolic links of one commit: path → entry. A {@link FileTree} is one. */
export type CommitTree = Record<string, CommitEntry>

/** The one repository the simulator serves. */
export interface SimRepository {
  owner: string
  name: string
  defaultBranch: string
  id: number
  private: boolean
  description: string | null
}

/** A file as `GET /pulls/{n}/files` lists it. */
export interface SimPullFile {
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  additions: number
  deletions: number
  changes: number
  previous_filename?: string
  patch?: string
}

/** A branch tip of a pull request. */
export interface SimPullRef {
  sha: string
  ref: string
}

/** A pull request; it is also an issue (same number sequence, comments, labels). */
export interface SimPullRequest {
  number: number
  id: number
  node_id: string
  title: string
  body: string | null
  state: 'open' | 'closed'
  draft: boolean
  merged: boolean
  user: string
  labels: string[]
  assignees: string[]
  head: SimPullRef
  base: SimPullRef
  files: SimPullFile[]
  created_at: string
  updated_at: string
  closed_at: string | null
  merged_at: string | null
  html_url: string
}

/** The reasons GitHub records for an issue's state. */
export type StateReason = 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null

/** An issue (pull requests live in `pulls`). */
export interface SimIssue {
  number: number
  id: number
  node_id: string
  title: string
  body: string | null
  state: 'open' | 'closed'
  state_reason: StateReason
  labels: string[]
  assignees: string[]
  user: string
  locked: boolean
  created_at: string
  updated_at: string
  closed_at: string | null
  closed_by: string | null
  html_url: string
}

/** A comment on an issue or a pull request's conversation. */
export interface SimComment {
  id: number
  node_id: string
  issue_number: number
  body: string
  user: string
  html_url: string
  created_at: string
  updated_at: string
}

/** A repository label. */
export interface SimLabel {
  id: number
  node_id: string
  name: string
  /** Six hex digits without `#`, as GitHub stores it. */
  color: string
  description: string | null
  default: boolean
}

/** Everything the simulated repository holds. Tests may mutate it between requests. */
export interface SimState {
  repo: SimRepository
  /** Commit sha → files (and symbolic links) at that commit. */
  commits: Record<string, CommitTree>
  /** Branch name → commit sha. */
  branches: Record<string, string>
  pulls: SimPullRequest[]
  issues: SimIssue[]
  comments: SimComment[]
  labels: SimLabel[]
  /** Logins that can be assigned to issues. */
  assignees: string[]
  /** Login of the token's user: author of issues and comments created through the API. */
  actor: string
  /** Next issue/PR number, next ids; shared by issues and pull requests as on GitHub. */
  counters: { number: number; id: number; commentId: number; labelId: number }
}

/** One request the server received, with the answer it gave. */
export interface RecordedRequest {
  method: string
  /** Percent-decoded path without the query string. */
  path: string
  query: Record<string, string | string[]>
  /** Parsed JSON body; the raw text if it was not JSON; `undefined` if empty. */
  body: unknown
  status: number
  /** Request headers, lower-case names. */
  headers: Record<string, string>
  /** The OpenAPI operation, e.g. `issues/create`; absent for unknown endpoints. */
  operationId?: string
  /** The OpenAPI path template, e.g. `/repos/{owner}/{repo}/issues`. */
  route?: string
  responseBody: unknown
  responseHeaders: Record<string, string>
  /** Set when an injected fault or read-only mode produced the answer. */
  fault?: string
}

/** Kinds of problems that make `assertNoViolations()` fail. */
export type ViolationKind =
  | 'unknown-endpoint'
  | 'invalid-request'
  | 'malformed-json'
  | 'unknown-parameter'
  | 'not-simulated'
  | 'handler-error'
  | 'response-schema'

/** A request the real GitHub would reject or ignore, or a simulator bug. */
export interface Violation {
  kind: ViolationKind
  method: string
  path: string
  operationId?: string
  message: string
  details: string[]
}

/** Status codes and throttling answers a fault can inject. */
export type FaultStatus = 500 | 502 | 404 | 422 | 429 | 'secondary-rate-limit'

/** A fault to inject for matching requests. */
export interface FaultSpec {
  /** HTTP method; any when absent. */
  method?: string
  /**
   * Which requests: a RegExp tested against the decoded path, an exact path
   * (`/repos/o/r/issues`), or an OpenAPI template (`/repos/{owner}/{repo}/issues`).
   */
  path: string | RegExp
  status: FaultStatus
  /** How many matching requests fail; default 1. `Infinity` for all. */
  times?: number
  /** Seconds for the `retry-after` header of 429 and secondary rate limits; default 1. */
  retryAfter?: number
  /** Overrides the response's `message`. */
  message?: string
}

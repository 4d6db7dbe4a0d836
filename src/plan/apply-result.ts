import type { IssueChange } from './plan-issues.js'

/** An issue a run created, closed or reopened. */
export interface TouchedIssue {
  number: number
  url: string
  title: string
}

/** What carrying out a plan did, and what it could not do (a re-run finishes the job). */
export interface ApplyResult {
  created: TouchedIssue[]
  closed: TouchedIssue[]
  reopened: TouchedIssue[]
  failed: Array<{ change: IssueChange; message: string }>
  /** Set when GitHub refused writes with 403: the token lacks `issues: write`. */
  forbidden: string | null
  /** Owners not checked, so not assigned: past the run's cap on assignee checks. */
  uncheckedOwners: number
  /** Team labels left off the issues: a label of that name exists for another purpose (its description). */
  skippedLabels?: Array<{ name: string; description: string | null }>
}

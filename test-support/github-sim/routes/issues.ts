import { paginated } from '../pagination.js'
import { issueJson } from '../representations.js'
import { bodyTooLong, json, noContent, notFound, validationFailed } from '../responses.js'
import type { GitHubFieldError, SimResponse } from '../responses.js'
import { addIssue, ensureLabel, findIssueOrPull, isAssignable } from '../state.js'
import type { IssueOrPull } from '../state.js'
import type { SimState, StateReason } from '../types.js'
import { intParam } from './context.js'
import type { RouteHandler } from './context.js'

/**
 * GET /repos/{owner}/{repo}/issues — issues and pull requests (with a `pull_request`
 * key), filtered by state, labels (all must match), creator, assignee and since;
 * sorted and paginated as GitHub does.
 */
export const listIssues: RouteHandler = (context) => {
  const { state, urls, query, url } = context
  const wantedState = typeof query.state === 'string' ? query.state : 'open'
  const labels = typeof query.labels === 'string' ? splitList(query.labels) : []
  const since = typeof query.since === 'string' ? Date.parse(query.since) : undefined

  const all: IssueOrPull[] = [
    ...state.issues.map((item) => ({ kind: 'issue' as const, item })),
    ...state.pulls.map((item) => ({ kind: 'pull' as const, item })),
  ]
  const matching = all.filter(({ item }) => {
    if (wantedState !== 'all' && item.state !== wantedState) return false
    if (!labels.every((name) => item.labels.some((l) => l.toLowerCase() === name))) return false
    if (since !== undefined && Date.parse(item.updated_at) < since) return false
    if (typeof query.creator === 'string' && item.user.toLowerCase() !== query.creator.toLowerCase()) return false
    if (typeof query.assignee === 'string' && !matchesAssignee(item.assignees, query.assignee)) return false
    if (typeof query.milestone === 'string' && query.milestone !== 'none') return false // no milestones here
    return true
  })

  const sortKey = typeof query.sort === 'string' ? query.sort : 'created'
  const direction = query.direction === 'asc' ? 1 : -1
  const key = ({ item }: IssueOrPull): number =>
    sortKey === 'comments'
      ? state.comments.filter((c) => c.issue_number === item.number).length
      : Date.parse(sortKey === 'updated' ? item.updated_at : item.created_at)
  matching.sort((a, b) => direction * (key(a) - key(b) || a.item.number - b.item.number))

  return paginated(matching, { url, perPage: query.per_page, page: query.page }, (target) => issueJson(urls, state, target))
}

/** GET /repos/{owner}/{repo}/issues/{issue_number} — also answers for pull requests. */
export const getIssue: RouteHandler = (context) => {
  const target = findIssueOrPull(context.state, intParam(context, 'issue_number'))
  return target ? json(200, issueJson(context.urls, context.state, target)) : notFound(context.docsUrl)
}

/**
 * POST /repos/{owner}/{repo}/issues — labels named here are created if missing; an
 * assignee who cannot be assigned fails the request with 422, as on GitHub.
 */
export const createIssue: RouteHandler = (context) => {
  const { state, body, urls, now } = context
  const assignees = requestedAssignees(body)
  const rejected = bodyTooLong(body.body, 'Issue', context.docsUrl) ?? rejectAssignees(state, assignees, context.docsUrl) ?? rejectMilestone(body, context.docsUrl)
  if (rejected) return rejected

  const issue = addIssue(
    state,
    {
      title: String(body.title),
      body: typeof body.body === 'string' ? body.body : null,
      labels: labelNames(body.labels).map((name) => ensureLabel(state, name).name),
      assignees: assignees ?? [],
      user: state.actor,
    },
    now,
  )
  const issueUrl = `${urls.repoApi}/issues/${issue.number}`
  return json(201, issueJson(urls, state, { kind: 'issue', item: issue }), { location: issueUrl })
}

/**
 * PATCH /repos/{owner}/{repo}/issues/{issue_number} — `labels` and `assignees` replace
 * the current sets; closing records `closed_at`, `closed_by` and a state reason
 * (`completed` unless given), reopening sets `reopened`.
 */
export const updateIssue: RouteHandler = (context) => {
  const { state, body, urls, now } = context
  const target = findIssueOrPull(state, intParam(context, 'issue_number'))
  if (!target) return notFound(context.docsUrl)
  const assignees = requestedAssignees(body)
  const rejected = bodyTooLong(body.body, 'Issue', context.docsUrl) ?? rejectAssignees(state, assignees, context.docsUrl) ?? rejectMilestone(body, context.docsUrl)
  if (rejected) return rejected

  const item = target.item
  const before = JSON.stringify(item)
  if (body.title !== undefined && body.title !== null) item.title = String(body.title)
  if (body.body !== undefined) item.body = typeof body.body === 'string' ? body.body : null
  if (body.labels !== undefined) item.labels = labelNames(body.labels).map((name) => ensureLabel(state, name).name)
  if (assignees !== undefined) item.assignees = assignees
  if ((body.state === 'open' || body.state === 'closed') && body.state !== item.state) {
    item.state = body.state
    item.closed_at = body.state === 'closed' ? now : null
    if (target.kind === 'issue') {
      target.item.closed_by = body.state === 'closed' ? state.actor : null
      target.item.state_reason = body.state === 'closed' ? closingReason(body.state_reason) : 'reopened'
    }
  }
  if (JSON.stringify(item) !== before) item.updated_at = now
  return json(200, issueJson(urls, state, target))
}

/** POST /repos/{owner}/{repo}/issues/{issue_number}/assignees — logins that cannot be assigned are silently dropped. */
export const addAssignees: RouteHandler = (context) => {
  const { state, body, urls, now } = context
  const target = findIssueOrPull(state, intParam(context, 'issue_number'))
  if (!target) return notFound(context.docsUrl)
  const wanted = Array.isArray(body.assignees) ? body.assignees.filter((a): a is string => typeof a === 'string') : []
  const item = target.item
  const added = wanted.filter((login) => isAssignable(state, login) && !item.assignees.some((a) => a.toLowerCase() === login.toLowerCase()))
  if (added.length > 0) {
    item.assignees = [...item.assignees, ...added]
    item.updated_at = now
  }
  return json(201, issueJson(urls, state, target))
}

/** GET /repos/{owner}/{repo}/assignees/{assignee} — 204 when assignable, 404 otherwise. */
export const checkAssignee: RouteHandler = ({ state, params, docsUrl }) =>
  isAssignable(state, params.assignee ?? '') ? noContent() : notFound(docsUrl)

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '')
}

function matchesAssignee(assignees: string[], wanted: string): boolean {
  if (wanted === '*') return assignees.length > 0
  if (wanted === 'none') return assignees.length === 0
  return assignees.some((login) => login.toLowerCase() === wanted.toLowerCase())
}

/** Label names from `["bug", {name: "ui"}]`, the two forms the API accepts. */
function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return []
  const names = labels.map((label: unknown) =>
    typeof label === 'string' ? label : label && typeof label === 'object' && 'name' in label ? String(label.name) : '',
  )
  return [...new Set(names.filter((name) => name !== ''))]
}

/** `assignees` wins over the deprecated `assignee`; `undefined` when neither is present. */
function requestedAssignees(body: Record<string, unknown>): string[] | undefined {
  if (Array.isArray(body.assignees)) {
    return body.assignees.map((a: unknown) => (a && typeof a === 'object' && 'login' in a ? String(a.login) : String(a)))
  }
  if (body.assignee === null) return []
  if (typeof body.assignee === 'string') return [body.assignee]
  return undefined
}

function rejectAssignees(state: SimState, assignees: string[] | undefined, docsUrl: string): SimResponse | undefined {
  const invalid = (assignees ?? []).filter((login) => !isAssignable(state, login))
  if (invalid.length === 0) return undefined
  const errors: GitHubFieldError[] = invalid.map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' }))
  return validationFailed(errors, docsUrl)
}

/** The simulated repository has no milestones, so naming one fails as it would on GitHub. */
function rejectMilestone(body: Record<string, unknown>, docsUrl: string): SimResponse | undefined {
  if (body.milestone === undefined || body.milestone === null) return undefined
  return validationFailed([{ value: body.milestone, resource: 'Issue', field: 'milestone', code: 'invalid' }], docsUrl)
}

function closingReason(reason: unknown): StateReason {
  return reason === 'not_planned' || reason === 'duplicate' || reason === 'completed' ? reason : 'completed'
}

import { paginated } from '../pagination.js'
import { commentJson } from '../representations.js'
import { bodyTooLong, json, noContent, notFound } from '../responses.js'
import { addComment, findIssueOrPull } from '../state.js'
import { intParam } from './context.js'
import type { RouteContext, RouteHandler } from './context.js'

/** GET /repos/{owner}/{repo}/issues/{issue_number}/comments — oldest first, paginated, `since` filters by update time. */
export const listComments: RouteHandler = (context) => {
  const { state, urls, query, url } = context
  const number = intParam(context, 'issue_number')
  if (!findIssueOrPull(state, number)) return notFound(context.docsUrl)
  const since = typeof query.since === 'string' ? Date.parse(query.since) : undefined
  const comments = state.comments
    .filter((c) => c.issue_number === number && (since === undefined || Date.parse(c.updated_at) >= since))
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id)
  return paginated(comments, { url, perPage: query.per_page, page: query.page }, (c) => commentJson(urls, state, c))
}

/** POST /repos/{owner}/{repo}/issues/{issue_number}/comments — also bumps the issue's `updated_at`. */
export const createComment: RouteHandler = (context) => {
  const { state, urls, body, now } = context
  const target = findIssueOrPull(state, intParam(context, 'issue_number'))
  if (!target) return notFound(context.docsUrl)
  const tooLong = bodyTooLong(body.body, 'IssueComment', context.docsUrl)
  if (tooLong) return tooLong
  const comment = addComment(state, { issue_number: target.item.number, body: String(body.body), user: state.actor }, now)
  target.item.updated_at = now
  return json(201, commentJson(urls, state, comment), { location: `${urls.repoApi}/issues/comments/${comment.id}` })
}

/** GET /repos/{owner}/{repo}/issues/comments/{comment_id} */
export const getComment: RouteHandler = (context) => {
  const comment = findComment(context)
  return comment ? json(200, commentJson(context.urls, context.state, comment)) : notFound(context.docsUrl)
}

/** PATCH /repos/{owner}/{repo}/issues/comments/{comment_id} */
export const updateComment: RouteHandler = (context) => {
  const comment = findComment(context)
  if (!comment) return notFound(context.docsUrl)
  const tooLong = bodyTooLong(context.body.body, 'IssueComment', context.docsUrl)
  if (tooLong) return tooLong
  const body = String(context.body.body)
  if (body !== comment.body) {
    comment.body = body
    comment.updated_at = context.now
  }
  return json(200, commentJson(context.urls, context.state, comment))
}

/** DELETE /repos/{owner}/{repo}/issues/comments/{comment_id} */
export const deleteComment: RouteHandler = (context) => {
  const comment = findComment(context)
  if (!comment) return notFound(context.docsUrl)
  context.state.comments.splice(context.state.comments.indexOf(comment), 1)
  return noContent()
}

function findComment(context: RouteContext) {
  const id = intParam(context, 'comment_id')
  return context.state.comments.find((c) => c.id === id)
}

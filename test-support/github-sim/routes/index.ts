import { addAssignees, checkAssignee, createIssue, getIssue, listIssues, updateIssue } from './issues.js'
import { createComment, deleteComment, getComment, listComments, updateComment } from './comments.js'
import { createLabel, getLabel, listLabels } from './labels.js'
import { getBlob, getContent, getTree } from './git.js'
import { getPullRequest, listPullRequestFiles } from './pulls.js'
import { getRepository } from './repos.js'
import { compareCommits } from './compare.js'
import { getAuthenticatedUser } from './users.js'
import type { RouteHandler } from './context.js'

export type { RouteContext, RouteHandler } from './context.js'

/**
 * The simulated operations, keyed by the `operationId` of GitHub's OpenAPI description.
 * The OpenAPI router finds the operation; an operation missing here answers 501.
 */
export const ROUTES: Readonly<Record<string, RouteHandler>> = {
  'repos/get': getRepository,
  'repos/compare-commits-with-basehead': compareCommits,
  'pulls/get': getPullRequest,
  'pulls/list-files': listPullRequestFiles,
  'git/get-tree': getTree,
  'git/get-blob': getBlob,
  'repos/get-content': getContent,
  'issues/list-for-repo': listIssues,
  'issues/create': createIssue,
  'issues/get': getIssue,
  'issues/update': updateIssue,
  'issues/list-comments': listComments,
  'issues/create-comment': createComment,
  'issues/get-comment': getComment,
  'issues/update-comment': updateComment,
  'issues/delete-comment': deleteComment,
  'issues/get-label': getLabel,
  'issues/list-labels-for-repo': listLabels,
  'issues/create-label': createLabel,
  'issues/check-user-can-be-assigned': checkAssignee,
  'issues/add-assignees': addAssignees,
  'users/get-authenticated': getAuthenticatedUser,
}

import { blobSha, entryText } from '../git-objects.js'
import { paginated } from '../pagination.js'
import { pullFileJson, pullRequestJson } from '../representations.js'
import { json, notFound } from '../responses.js'
import { intParam } from './context.js'
import type { RouteHandler } from './context.js'

/** GET /repos/{owner}/{repo}/pulls/{pull_number} */
export const getPullRequest: RouteHandler = (context) => {
  const pull = context.state.pulls.find((p) => p.number === intParam(context, 'pull_number'))
  return pull ? json(200, pullRequestJson(context.urls, context.state, pull)) : notFound(context.docsUrl)
}

/** GET /repos/{owner}/{repo}/pulls/{pull_number}/files — paginated; GitHub stops at 3000 files. */
export const listPullRequestFiles: RouteHandler = (context) => {
  const { state, urls, query, url } = context
  const pull = state.pulls.find((p) => p.number === intParam(context, 'pull_number'))
  if (!pull) return notFound(context.docsUrl)
  const head = state.commits[pull.head.sha] ?? {}
  const base = state.commits[pull.base.sha] ?? {}
  return paginated(pull.files.slice(0, 3000), { url, perPage: query.per_page, page: query.page }, (file) => {
    const content = head[file.filename] ?? base[file.filename] ?? file.filename
    return pullFileJson(urls, pull, file, blobSha(entryText(content)))
  })
}

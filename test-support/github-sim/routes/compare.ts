import { diffTrees } from '../diff.js'
import { blobSha, entryText } from '../git-objects.js'
import { userJson, type Json, type Urls } from '../representations.js'
import { errorResponse, json, notFound } from '../responses.js'
import { resolveCommit } from '../state.js'
import type { SimPullFile, SimState } from '../types.js'
import type { RouteHandler } from './context.js'

/** GitHub lists at most this many files in a comparison. */
const MAX_COMPARE_FILES = 300

/**
 * GET /repos/{owner}/{repo}/compare/{basehead}: `BASE...HEAD` (shas or branches). The
 * simulator has no history, so the comparison is one commit ahead: the head, whose parent is
 * the base; its files are the trees' difference, renames included, as GitHub lists them.
 */
export const compareCommits: RouteHandler = ({ state, urls, params, now, docsUrl }) => {
  const [baseRef, headRef, ...rest] = (params.basehead ?? '').split('...')
  if (!baseRef || !headRef || rest.length > 0) return notFound(docsUrl)
  const base = resolveCommit(state, baseRef)
  const head = resolveCommit(state, headRef)
  if (base === undefined || head === undefined) return errorResponse(404, `No common ancestor between ${baseRef} and ${headRef}.`, docsUrl)
  const headFiles = state.commits[head] ?? {}
  const files = diffTrees(state.commits[base] ?? {}, headFiles).slice(0, MAX_COMPARE_FILES)
  const baseCommit = commitJson(urls, state, base, [], now)
  const identical = base === head
  return json(200, {
    url: `${urls.repoApi}/compare/${baseRef}...${headRef}`,
    html_url: `${urls.repoWeb}/compare/${baseRef}...${headRef}`,
    permalink_url: `${urls.repoWeb}/compare/${state.repo.owner}:${base.slice(0, 7)}...${state.repo.owner}:${head.slice(0, 7)}`,
    diff_url: `${urls.repoWeb}/compare/${baseRef}...${headRef}.diff`,
    patch_url: `${urls.repoWeb}/compare/${baseRef}...${headRef}.patch`,
    base_commit: baseCommit,
    merge_base_commit: baseCommit,
    status: identical ? 'identical' : 'ahead',
    ahead_by: identical ? 0 : 1,
    behind_by: 0,
    total_commits: identical ? 0 : 1,
    commits: identical ? [] : [commitJson(urls, state, head, [base], now)],
    files: identical ? [] : files.map((file) => diffEntryJson(urls, head, file, blobSha(entryText(headFiles[file.filename] ?? file.filename)))),
  })
}

function commitJson(urls: Urls, state: SimState, sha: string, parents: string[], now: string): Json {
  const person = { name: 'The Octocat', email: 'octocat@github.com', date: now }
  return {
    url: `${urls.repoApi}/commits/${sha}`,
    sha,
    node_id: `C_kwDO${Buffer.from(sha.slice(0, 12)).toString('base64url')}`,
    html_url: `${urls.repoWeb}/commit/${sha}`,
    comments_url: `${urls.repoApi}/commits/${sha}/comments`,
    commit: {
      url: `${urls.repoApi}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: `Commit ${sha.slice(0, 7)} of ${state.repo.name}`,
      comment_count: 0,
      tree: { sha: blobSha(`tree:${sha}`), url: `${urls.repoApi}/git/trees/${sha}` },
    },
    author: userJson(urls, 'octocat'),
    committer: userJson(urls, 'octocat'),
    parents: parents.map((parent) => ({ sha: parent, url: `${urls.repoApi}/commits/${parent}`, html_url: `${urls.repoWeb}/commit/${parent}` })),
  }
}

function diffEntryJson(urls: Urls, head: string, file: SimPullFile, sha: string): Json {
  const path = file.filename.split('/').map(encodeURIComponent).join('/')
  return {
    sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: `${urls.repoWeb}/blob/${head}/${path}`,
    raw_url: `${urls.repoWeb}/raw/${head}/${path}`,
    contents_url: `${urls.repoApi}/contents/${path}?ref=${head}`,
    ...(file.previous_filename !== undefined ? { previous_filename: file.previous_filename } : {}),
  }
}

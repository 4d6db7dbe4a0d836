import { SUMMARY_MARKER } from '../render/summary.js'
import type { GitHubClient, Repository } from './client.js'

export interface CommentResult {
  url: string
  action: 'created' | 'updated' | 'unchanged'
}

/**
 * Our summary comment on a pull request, if there is one: the comment that starts with our
 * marker and was written by the token's account (a bot for GITHUB_TOKEN), so a person pasting
 * our marker into a comment of theirs does not get it overwritten. A read: it may run while
 * the check does.
 */
export async function findSummaryComment(client: GitHubClient, repository: Repository, issueNumber: number): Promise<ExistingComment | null> {
  const comments = await client.paginate(client.rest.issues.listComments, { ...repository, issue_number: issueNumber, per_page: 100 })
  const marked = comments.filter((comment) => comment.body?.startsWith(SUMMARY_MARKER))
  let ours = marked.find((comment) => comment.user?.type === 'Bot')
  if (!ours && marked.length > 0) {
    // Run with a person's token, our comments are theirs: ask whose the token is (GitHub
    // refuses this to app tokens, which comment as bots and were handled above).
    const login = await tokenLogin(client)
    ours = marked.find((comment) => login !== null && comment.user?.login === login)
  }
  return ours ? { id: ours.id, url: ours.html_url, body: ours.body ?? '' } : null
}

async function tokenLogin(client: GitHubClient): Promise<string | null> {
  try {
    return (await client.rest.users.getAuthenticated()).data.login
  } catch {
    return null
  }
}

export interface ExistingComment {
  id: number
  url: string
  body: string
}

/**
 * One summary comment per pull request: creates it, edits it in place, or leaves it alone
 * when it already says `body`.
 */
export async function writeSummaryComment(
  client: GitHubClient,
  repository: Repository,
  issueNumber: number,
  body: string,
  ours: ExistingComment | null,
): Promise<CommentResult> {
  if (ours && normalise(ours.body) === normalise(body)) return { url: ours.url, action: 'unchanged' }
  if (ours) {
    const { data } = await client.rest.issues.updateComment({ ...repository, comment_id: ours.id, body })
    return { url: data.html_url, action: 'updated' }
  }
  const { data } = await client.rest.issues.createComment({ ...repository, issue_number: issueNumber, body })
  return { url: data.html_url, action: 'created' }
}

/** GitHub stores line ends as sent but may trim the end; compare what a reader sees. */
function normalise(body: string): string {
  return body.replace(/\r\n/g, '\n').trimEnd()
}

import { createHash } from 'node:crypto'
import { findIssueOrPull, findLabel, isAssignable, nodeId, WEB_URL } from './state.js'
import type { IssueOrPull } from './state.js'
import type { SimComment, SimLabel, SimPullFile, SimPullRequest, SimState } from './types.js'

/**
 * GitHub's JSON representations of the simulator's records: the same fields, URL
 * templates and nesting the REST API returns, so unmodified client code can read them.
 * Every builder is pure: state in, JSON out.
 */

/** Base URLs of one answer. */
export interface Urls {
  /** The simulator's base URL, standing in for https://api.github.com. */
  api: string
  /** `${api}/repos/{owner}/{repo}` */
  repoApi: string
  /** `https://github.com/{owner}/{repo}` */
  repoWeb: string
}

/** Computes the URLs for the repository as it is now (tests may rename it). */
export function urlsFor(api: string, state: SimState): Urls {
  const { owner, name } = state.repo
  return { api, repoApi: `${api}/repos/${owner}/${name}`, repoWeb: `${WEB_URL}/${owner}/${name}` }
}

export type Json = Record<string, unknown>

/** Well-known accounts keep their real ids; others get a stable id derived from the login. */
const KNOWN_USER_IDS: Record<string, number> = { 'github-actions[bot]': 41898282, octocat: 583231 }

/** A `simple-user` object. */
export function userJson(urls: Urls, login: string): Json {
  const id = KNOWN_USER_IDS[login] ?? 1_000_000 + (createHash('sha1').update(login).digest().readUInt32BE(0) % 9_000_000)
  const isBot = login.endsWith('[bot]')
  const api = `${urls.api}/users/${encodeURIComponent(login)}`
  return {
    login,
    id,
    node_id: nodeId(isBot ? 'BOT_kgDO' : 'U_kgDO', id),
    avatar_url: `https://avatars.githubusercontent.com/${isBot ? 'in' : 'u'}/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: isBot ? `${WEB_URL}/apps/${login.slice(0, -'[bot]'.length)}` : `${WEB_URL}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: isBot ? 'Bot' : 'User',
    user_view_type: 'public',
    site_admin: false,
  }
}

/** A `label` object. */
export function labelJson(urls: Urls, label: SimLabel): Json {
  return {
    id: label.id,
    node_id: label.node_id,
    url: `${urls.repoApi}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  }
}

/** An `issue` object; for a pull request it carries the `pull_request` key, as GitHub's issue endpoints do. */
export function issueJson(urls: Urls, state: SimState, target: IssueOrPull): Json {
  const item = target.item
  const url = `${urls.repoApi}/issues/${item.number}`
  const assignees = item.assignees.map((login) => userJson(urls, login))
  const json: Json = {
    url,
    repository_url: urls.repoApi,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: item.html_url,
    id: item.id,
    node_id: item.node_id,
    number: item.number,
    title: item.title,
    user: userJson(urls, item.user),
    labels: item.labels.map((name) => labelJson(urls, findLabel(state, name) ?? missingLabel(name))),
    state: item.state,
    locked: target.kind === 'issue' ? target.item.locked : false,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: state.comments.filter((c) => c.issue_number === item.number).length,
    created_at: item.created_at,
    updated_at: item.updated_at,
    closed_at: item.closed_at,
    author_association: association(state, item.user),
    active_lock_reason: null,
    body: item.body,
    reactions: reactionsJson(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
  }
  if (target.kind === 'issue') {
    json.state_reason = target.item.state_reason
    json.closed_by = target.item.closed_by === null ? null : userJson(urls, target.item.closed_by)
  } else {
    json.draft = target.item.draft
    json.pull_request = {
      url: `${urls.repoApi}/pulls/${item.number}`,
      html_url: item.html_url,
      diff_url: `${item.html_url}.diff`,
      patch_url: `${item.html_url}.patch`,
      merged_at: target.item.merged_at,
    }
  }
  return json
}

/** An `issue-comment` object. */
export function commentJson(urls: Urls, state: SimState, comment: SimComment): Json {
  const url = `${urls.repoApi}/issues/comments/${comment.id}`
  return {
    url,
    html_url: comment.html_url,
    issue_url: `${urls.repoApi}/issues/${comment.issue_number}`,
    id: comment.id,
    node_id: comment.node_id,
    user: userJson(urls, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: association(state, comment.user),
    body: comment.body,
    reactions: reactionsJson(url),
    performed_via_github_app: null,
  }
}

/** A `diff-entry` object of `GET /pulls/{n}/files`. */
export function pullFileJson(urls: Urls, pull: SimPullRequest, file: SimPullFile, blobSha: string): Json {
  const path = file.filename.split('/').map(encodeURIComponent).join('/')
  return {
    sha: blobSha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: `${urls.repoWeb}/blob/${pull.head.sha}/${path}`,
    raw_url: `${urls.repoWeb}/raw/${pull.head.sha}/${path}`,
    contents_url: `${urls.repoApi}/contents/${path}?ref=${pull.head.sha}`,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
    ...(file.previous_filename !== undefined ? { previous_filename: file.previous_filename } : {}),
  }
}

/** A `pull-request` object of `GET /pulls/{n}`. */
export function pullRequestJson(urls: Urls, state: SimState, pull: SimPullRequest): Json {
  const url = `${urls.repoApi}/pulls/${pull.number}`
  const issueUrl = `${urls.repoApi}/issues/${pull.number}`
  const assignees = pull.assignees.map((login) => userJson(urls, login))
  const target = findIssueOrPull(state, pull.number) ?? { kind: 'pull', item: pull }
  const issue = issueJson(urls, state, target)
  const totals = pull.files.reduce((sum, f) => ({ additions: sum.additions + f.additions, deletions: sum.deletions + f.deletions }), {
    additions: 0,
    deletions: 0,
  })
  return {
    url,
    id: pull.id,
    node_id: pull.node_id,
    html_url: pull.html_url,
    diff_url: `${pull.html_url}.diff`,
    patch_url: `${pull.html_url}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${urls.repoApi}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${urls.repoApi}/statuses/${pull.head.sha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(urls, pull.user),
    body: pull.body,
    labels: issue.labels,
    milestone: null,
    active_lock_reason: null,
    created_at: pull.created_at,
    updated_at: pull.updated_at,
    closed_at: pull.closed_at,
    merged_at: pull.merged_at,
    merge_commit_sha: null,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: branchJson(urls, state, pull.head),
    base: branchJson(urls, state, pull.base),
    _links: {
      self: { href: url },
      html: { href: pull.html_url },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${urls.repoApi}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${urls.repoApi}/statuses/${pull.head.sha}` },
    },
    author_association: association(state, pull.user),
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: pull.state === 'open' ? true : null,
    rebaseable: pull.state === 'open' ? true : null,
    mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: issue.comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: totals.additions,
    deletions: totals.deletions,
    changed_files: pull.files.length,
  }
}

/**
 * A repository object: `full-repository` for `GET /repos/{owner}/{repo}`, or the
 * shorter `repository` shape embedded in pull request heads and bases.
 */
export function repositoryJson(urls: Urls, state: SimState, full: boolean): Json {
  const { repo } = state
  const api = urls.repoApi
  const openIssues = state.issues.filter((i) => i.state === 'open').length + state.pulls.filter((p) => p.state === 'open').length
  const json: Json = {
    id: repo.id,
    node_id: nodeId('R_kgDO', repo.id),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private,
    owner: userJson(urls, repo.owner),
    html_url: urls.repoWeb,
    description: repo.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://github.com/${repo.owner}/${repo.name}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@github.com:${repo.owner}/${repo.name}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${urls.repoWeb}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: urls.repoWeb,
    homepage: null,
    language: 'Markdown',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 1,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: '2024-01-01T00:00:00Z',
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    license: null,
    allow_forking: true,
    web_commit_signoff_required: false,
  }
  if (full) {
    json.network_count = 0
    json.subscribers_count = 0
  }
  return json
}

function branchJson(urls: Urls, state: SimState, ref: { sha: string; ref: string }): Json {
  return {
    label: `${state.repo.owner}:${ref.ref}`,
    ref: ref.ref,
    sha: ref.sha,
    user: userJson(urls, state.repo.owner),
    repo: repositoryJson(urls, state, false),
  }
}

function reactionsJson(url: string): Json {
  return { url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 }
}

/** How GitHub labels an author relative to the repository. */
function association(state: SimState, login: string): string {
  if (login.toLowerCase() === state.repo.owner.toLowerCase()) return 'OWNER'
  if (isAssignable(state, login)) return 'COLLABORATOR'
  return 'NONE'
}

/** A label a test removed from `state.labels` while issues still carry it. */
function missingLabel(name: string): SimLabel {
  return { id: 0, node_id: '', name, color: 'ededed', description: null, default: false }
}

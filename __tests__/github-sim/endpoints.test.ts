import { afterAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubSim } from '../../test-support/github-sim/index.js'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { BASE_SHA, HEAD_SHA, minutesRepo, testClock } from './fixtures.js'
import { simOctokit } from './octokit.js'
import type { SimOctokit } from './octokit.js'

const repo = { owner: 'acme', repo: 'minutes' }
let clock = testClock()
let sim: GitHubSim
let octokit: SimOctokit
const started: GitHubSim[] = []

beforeEach(async () => {
  clock = testClock()
  sim = await createGitHubSim(minutesRepo(() => clock.now()))
  started.push(sim)
  octokit = simOctokit(sim).octokit
})

afterAll(async () => {
  for (const s of started) await s.close()
})

/** Every test ends by checking that no request broke GitHub's contract. */
function expectCleanRun(): void {
  sim.assertNoViolations()
}

describe('repository and pull request endpoints', () => {
  it('GET /repos/{owner}/{repo} answers the full repository', async () => {
    const { data, status, headers } = await octokit.rest.repos.get(repo)
    expect(status).toBe(200)
    expect(data).toMatchObject({
      name: 'minutes',
      full_name: 'acme/minutes',
      default_branch: 'main',
      private: false,
      html_url: 'https://github.com/acme/minutes',
      url: `${sim.url}/repos/acme/minutes`,
      owner: { login: 'acme', type: 'User' },
      open_issues_count: 2,
    })
    expect(headers['content-type']).toBe('application/json; charset=utf-8')
    expect(headers['x-github-request-id']).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/)
    expect(headers['x-ratelimit-limit']).toBe('5000')
    expect(Number(headers['x-ratelimit-remaining'])).toBeLessThan(5000)
    expectCleanRun()
  })

  it('answers 404 for another repository', async () => {
    await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'other' })).rejects.toMatchObject({ status: 404 })
    expectCleanRun()
  })

  it('GET /pulls/{n} answers the pull request with head and base', async () => {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: 1 })
    expect(data).toMatchObject({
      number: 1,
      state: 'open',
      title: 'Minutes of April',
      body: 'Adds the minutes',
      user: { login: 'alice' },
      html_url: 'https://github.com/acme/minutes/pull/1',
      head: { ref: 'minutes/april', sha: HEAD_SHA, label: 'acme:minutes/april', repo: { full_name: 'acme/minutes' } },
      base: { ref: 'main', sha: BASE_SHA },
      changed_files: 4,
      additions: 6,
      deletions: 3,
      merged: false,
      draft: false,
    })
    await expect(octokit.rest.pulls.get({ ...repo, pull_number: 2 })).rejects.toMatchObject({ status: 404 })
    expectCleanRun()
  })

  it('GET /pulls/{n}/files derives statuses, line counts and renames from the commits', async () => {
    const { data } = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 1 })
    expect(data.map((f) => [f.filename, f.status, f.additions, f.deletions, f.changes, f.previous_filename])).toEqual([
      ['minutes/2024-04-01.md', 'modified', 1, 0, 1, undefined],
      ['minutes/2024-04-08.md', 'removed', 0, 3, 3, undefined],
      ['minutes/2024-04-15.md', 'added', 5, 0, 5, undefined],
      ['team/iaas/2024-04-01.md', 'renamed', 0, 0, 0, 'team/iaas/2024-03-30.md'],
    ])
    expect(data[2]).toMatchObject({
      sha: 'ec78a53b54bd32c4776887adff9b66c4afaf82e5',
      blob_url: `https://github.com/acme/minutes/blob/${HEAD_SHA}/minutes/2024-04-15.md`,
      raw_url: `https://github.com/acme/minutes/raw/${HEAD_SHA}/minutes/2024-04-15.md`,
      contents_url: `${sim.url}/repos/acme/minutes/contents/minutes/2024-04-15.md?ref=${HEAD_SHA}`,
    })
    expectCleanRun()
  })
})

describe('comparing two commits', () => {
  it('GET /repos/{owner}/{repo}/compare/{base}...{head} lists the changed files as the PR does, renames included', async () => {
    const { data, status } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${BASE_SHA}...${HEAD_SHA}` })
    expect(status).toBe(200)
    expect(data.files?.map((f) => [f.filename, f.status, f.previous_filename])).toEqual([
      ['minutes/2024-04-01.md', 'modified', undefined],
      ['minutes/2024-04-08.md', 'removed', undefined],
      ['minutes/2024-04-15.md', 'added', undefined],
      ['team/iaas/2024-04-01.md', 'renamed', 'team/iaas/2024-03-30.md'],
    ])
    expect(data).toMatchObject({ status: 'ahead', ahead_by: 1, total_commits: 1, base_commit: { sha: BASE_SHA } })
    expect(data.commits.map((commit) => [commit.sha, commit.parents.map((parent) => parent.sha)])).toEqual([[HEAD_SHA, [BASE_SHA]]])
    expectCleanRun()
  })

  it('branch names work as ends; an unknown end is a 404', async () => {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: 'main...minutes/april' })
    expect(data.files).toHaveLength(4)
    await expect(octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `main...${'c'.repeat(40)}` })).rejects.toMatchObject({ status: 404 })
    expect(sim.violations).toEqual([])
  })
})

describe('git trees and contents', () => {
  it('lists a recursive tree with the object ids git computes, by branch or sha', async () => {
    const byBranch = await octokit.rest.git.getTree({ ...repo, tree_sha: 'minutes/april', recursive: '1' })
    const bySha = await octokit.rest.git.getTree({ ...repo, tree_sha: HEAD_SHA, recursive: 'true' })
    expect(bySha.data).toEqual(byBranch.data)
    // Object ids as `git write-tree` and `git ls-tree -r -t` print them for the same files.
    expect(byBranch.data.sha).toBe('05e00c8e2259946f1798182cf7a159c47be6a240')
    expect(byBranch.data.truncated).toBe(false)
    expect(byBranch.data.tree.map((e) => [e.mode, e.type, e.sha, e.path])).toEqual([
      ['100644', 'blob', '3bf4ec85b5dcb35057ea481e126f9cd05d13bb7a', 'README.md'],
      ['040000', 'tree', '240070e38c787723c40f3ea60c367f3ea2e45367', 'minutes'],
      ['100644', 'blob', 'dffecb29ba29e55921471480f2a740d301eb5842', 'minutes/2024-04-01.md'],
      ['100644', 'blob', 'ec78a53b54bd32c4776887adff9b66c4afaf82e5', 'minutes/2024-04-15.md'],
      ['040000', 'tree', '0714a75c07bd8e268349052d1a19cf75a471a438', 'team'],
      ['040000', 'tree', 'ed4c2c37cc4c882cccc857246170d219207861c5', 'team/iaas'],
      ['100644', 'blob', '25859e6a8a527bfdf8bdfc68d7c932d497f090d9', 'team/iaas/2024-04-01.md'],
    ])
    expect(byBranch.data.tree[0]).toEqual({
      path: 'README.md',
      mode: '100644',
      type: 'blob',
      sha: '3bf4ec85b5dcb35057ea481e126f9cd05d13bb7a',
      size: 10,
      url: `${sim.url}/repos/acme/minutes/git/blobs/3bf4ec85b5dcb35057ea481e126f9cd05d13bb7a`,
    })
    expectCleanRun()
  })

  it('lists only the top level without recursive, and subtrees by their sha', async () => {
    const top = await octokit.rest.git.getTree({ ...repo, tree_sha: 'main' })
    expect(top.data.tree.map((e) => e.path)).toEqual(['README.md', 'minutes', 'team'])
    const team = await octokit.rest.git.getTree({ ...repo, tree_sha: '0714a75c07bd8e268349052d1a19cf75a471a438' })
    expect(team.data.tree.map((e) => e.path)).toEqual(['iaas'])
    await expect(octokit.rest.git.getTree({ ...repo, tree_sha: 'no-such-branch' })).rejects.toMatchObject({ status: 404 })
    expectCleanRun()
  })

  it('returns a file base64-encoded, at a ref or on the default branch', async () => {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: 'minutes/2024-04-15.md', ref: 'minutes/april' })
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file')
    expect(data).toMatchObject({
      type: 'file',
      encoding: 'base64',
      name: '2024-04-15.md',
      path: 'minutes/2024-04-15.md',
      sha: 'ec78a53b54bd32c4776887adff9b66c4afaf82e5',
      size: 50,
      html_url: 'https://github.com/acme/minutes/blob/minutes/april/minutes/2024-04-15.md',
    })
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe('# 2024-04-15\n\n## Actions\n\n- [ ] @alice: book room\n')
    expect(data.content.split('\n')[0]).toHaveLength(60)

    await expect(octokit.rest.repos.getContent({ ...repo, path: 'minutes/2024-04-15.md' })).rejects.toMatchObject({ status: 404 })
    await expect(octokit.rest.repos.getContent({ ...repo, path: 'README.md', ref: 'nope' })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'No commit found for the ref nope' } },
    })
    expectCleanRun()
  })

  it('lists a directory and serves raw content on request', async () => {
    const dir = await octokit.rest.repos.getContent({ ...repo, path: 'minutes', ref: HEAD_SHA })
    expect(Array.isArray(dir.data) && dir.data.map((e) => [e.type, e.path])).toEqual([
      ['file', 'minutes/2024-04-01.md'],
      ['file', 'minutes/2024-04-15.md'],
    ])
    const raw = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: 'README.md',
      mediaType: { format: 'raw' },
    })
    expect(raw.data).toBe('# Minutes\n')
    expectCleanRun()
  })
})

describe('issues', () => {
  it('GET /issues/{n} answers an issue without a pull_request key, and a PR with one', async () => {
    const issue = await octokit.rest.issues.get({ ...repo, issue_number: 2 })
    expect(issue.data).toMatchObject({
      number: 2,
      title: 'Book a room',
      body: 'From the minutes',
      state: 'open',
      state_reason: null,
      user: { login: 'github-actions[bot]', type: 'Bot', id: 41898282 },
      labels: [{ name: 'action-item', color: '0e8a16', description: 'From meeting minutes', default: false }],
      assignee: { login: 'alice' },
      assignees: [{ login: 'alice' }],
      comments: 0,
      html_url: 'https://github.com/acme/minutes/issues/2',
      url: `${sim.url}/repos/acme/minutes/issues/2`,
      created_at: '2024-05-01T10:00:00Z',
      closed_at: null,
    })
    expect(issue.data.id).toEqual(expect.any(Number))
    expect(issue.data.node_id).toMatch(/^I_/)
    expect(issue.data).not.toHaveProperty('pull_request')

    const pr = await octokit.rest.issues.get({ ...repo, issue_number: 1 })
    expect(pr.data.pull_request).toMatchObject({ url: `${sim.url}/repos/acme/minutes/pulls/1`, html_url: 'https://github.com/acme/minutes/pull/1' })
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 99 })).rejects.toMatchObject({ status: 404 })
    expectCleanRun()
  })

  it('creates an issue, creating unknown labels as GitHub does', async () => {
    const { data, status, headers } = await octokit.rest.issues.create({
      ...repo,
      title: 'Send the slides',
      body: 'Action from 2024-04-15',
      labels: ['action-item', 'Minutes'],
      assignees: ['bob'],
    })
    expect(status).toBe(201)
    expect(data).toMatchObject({ number: 4, state: 'open', labels: [{ name: 'action-item' }, { name: 'Minutes', color: 'ededed' }] })
    expect(data.assignees?.map((a) => a.login)).toEqual(['bob'])
    expect(headers.location).toBe(`${sim.url}/repos/acme/minutes/issues/4`)
    expect(sim.state.issues.at(-1)).toMatchObject({ number: 4, title: 'Send the slides', labels: ['action-item', 'Minutes'], assignees: ['bob'] })
    expect(sim.state.labels.map((l) => l.name)).toEqual(['action-item', 'done', 'Minutes'])
    expectCleanRun()
  })

  it('rejects an assignee who cannot be assigned with 422, as GitHub does on create', async () => {
    await expect(octokit.rest.issues.create({ ...repo, title: 'x', assignees: ['mallory'] })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Validation Failed', errors: [{ value: 'mallory', resource: 'Issue', field: 'assignees', code: 'invalid' }] } },
    })
    expect(sim.state.issues).toHaveLength(2)
    expectCleanRun()
  })

  it('updates, closes with a reason and reopens an issue', async () => {
    clock.advance(60)
    const closed = await octokit.rest.issues.update({
      ...repo,
      issue_number: 2,
      title: 'Book a bigger room',
      state: 'closed',
      state_reason: 'not_planned',
      labels: ['done'],
      assignees: [],
    })
    expect(closed.data).toMatchObject({
      title: 'Book a bigger room',
      state: 'closed',
      state_reason: 'not_planned',
      closed_at: '2024-05-01T10:01:00Z',
      updated_at: '2024-05-01T10:01:00Z',
      closed_by: { login: 'github-actions[bot]' },
      labels: [{ name: 'done' }],
      assignees: [],
      assignee: null,
    })
    const reopened = await octokit.rest.issues.update({ ...repo, issue_number: 2, state: 'open' })
    expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null, closed_by: null })
    const closedAgain = await octokit.rest.issues.update({ ...repo, issue_number: 2, state: 'closed' })
    expect(closedAgain.data.state_reason).toBe('completed')
    expectCleanRun()
  })

  it('lists issues and pull requests filtered by state and labels (all must match)', async () => {
    const open = await octokit.rest.issues.listForRepo(repo)
    expect(open.data.map((i) => [i.number, Boolean(i.pull_request)])).toEqual([
      [2, false],
      [1, true],
    ])
    const all = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', labels: 'action-item' })
    expect(all.data.map((i) => i.number)).toEqual([3, 2])
    const both = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', labels: 'action-item,DONE' })
    expect(both.data.map((i) => i.number)).toEqual([3])
    const closed = await octokit.rest.issues.listForRepo({ ...repo, state: 'closed', direction: 'asc' })
    expect(closed.data.map((i) => i.number)).toEqual([3])
    expectCleanRun()
  })

  it('filters by since, creator and assignee and sorts by update time', async () => {
    clock.advance(3600)
    await octokit.rest.issues.update({ ...repo, issue_number: 3, body: 'touched' })
    const since = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', since: '2024-05-01T10:30:00Z' })
    expect(since.data.map((i) => i.number)).toEqual([3])
    const byUpdate = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', sort: 'updated', direction: 'desc' })
    expect(byUpdate.data[0]?.number).toBe(3)
    const byAlice = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', creator: 'alice' })
    expect(byAlice.data.map((i) => i.number)).toEqual([1])
    const unassigned = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', assignee: 'none' })
    expect(unassigned.data.map((i) => i.number)).toEqual([3, 1])
    expectCleanRun()
  })

  it('adds assignees, silently dropping those who cannot be assigned', async () => {
    const { data, status } = await octokit.rest.issues.addAssignees({ ...repo, issue_number: 2, assignees: ['bob', 'mallory', 'alice'] })
    expect(status).toBe(201)
    expect(data.assignees?.map((a) => a.login)).toEqual(['alice', 'bob'])
    expectCleanRun()
  })

  it('checks whether a user can be assigned: 204 or 404', async () => {
    const yes = await octokit.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: 'Alice' })
    expect(yes.status).toBe(204)
    await expect(octokit.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: 'mallory' })).rejects.toMatchObject({ status: 404 })
    expectCleanRun()
  })
})

describe('comments', () => {
  it('creates, lists and updates comments on a pull request', async () => {
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: '<!-- minutes-automation -->\nAll good' })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({
      body: '<!-- minutes-automation -->\nAll good',
      user: { login: 'github-actions[bot]' },
      issue_url: `${sim.url}/repos/acme/minutes/issues/1`,
      html_url: `https://github.com/acme/minutes/pull/1#issuecomment-${created.data.id}`,
      created_at: '2024-05-01T10:00:00Z',
      updated_at: '2024-05-01T10:00:00Z',
    })
    expect(created.headers.location).toBe(`${sim.url}/repos/acme/minutes/issues/comments/${created.data.id}`)

    clock.advance(5)
    const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: 'Edited' })
    expect(updated.data).toMatchObject({ id: created.data.id, body: 'Edited', updated_at: '2024-05-01T10:00:05Z' })

    const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 })
    expect(listed.data.map((c) => [c.id, c.body])).toEqual([[created.data.id, 'Edited']])
    expect(sim.state.comments).toEqual([expect.objectContaining({ issue_number: 1, body: 'Edited' })])
    expectCleanRun()
  })

  it('refuses issue and comment bodies over 65,536 characters (code points) with 422, as GitHub does', async () => {
    const error = (resource: string) => ({ status: 422, response: { data: { message: 'Validation Failed', errors: [{ resource, code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }] } } })
    await expect(octokit.rest.issues.create({ ...repo, title: 'x', body: 'x'.repeat(65_537) })).rejects.toMatchObject(error('Issue'))
    await expect(octokit.rest.issues.update({ ...repo, issue_number: 2, body: 'x'.repeat(65_537) })).rejects.toMatchObject(error('Issue'))
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x'.repeat(65_537) })).rejects.toMatchObject(error('IssueComment'))
    // 65,536 emoji are 131,072 UTF-16 code units but 65,536 characters: accepted.
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: '🌈'.repeat(65_536) })
    expect(created.status).toBe(201)
    await expect(octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: `${'🌈'.repeat(65_536)}x` })).rejects.toMatchObject(error('IssueComment'))
    expectCleanRun()
  })

  it('answers 404 for comments on a missing issue or a missing comment', async () => {
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: 42, body: 'x' })).rejects.toMatchObject({ status: 404 })
    await expect(octokit.rest.issues.listComments({ ...repo, issue_number: 42 })).rejects.toMatchObject({ status: 404 })
    await expect(octokit.rest.issues.updateComment({ ...repo, comment_id: 1, body: 'x' })).rejects.toMatchObject({ status: 404 })
    expectCleanRun()
  })

  it('gets and deletes a comment', async () => {
    const comment = sim.addComment({ issue_number: 2, body: 'seeded', user: 'bob' })
    const got = await octokit.rest.issues.getComment({ ...repo, comment_id: comment.id })
    expect(got.data).toMatchObject({ body: 'seeded', user: { login: 'bob' }, author_association: 'COLLABORATOR' })
    const deleted = await octokit.rest.issues.deleteComment({ ...repo, comment_id: comment.id })
    expect(deleted.status).toBe(204)
    expect(sim.state.comments).toEqual([])
    expectCleanRun()
  })
})

describe('labels', () => {
  it('gets a label case-insensitively and answers 404 for a missing one', async () => {
    const { data } = await octokit.rest.issues.getLabel({ ...repo, name: 'Action-Item' })
    expect(data).toEqual({
      id: expect.any(Number),
      node_id: expect.stringMatching(/^LA_/),
      url: `${sim.url}/repos/acme/minutes/labels/action-item`,
      name: 'action-item',
      color: '0e8a16',
      default: false,
      description: 'From meeting minutes',
    })
    await expect(octokit.rest.issues.getLabel({ ...repo, name: 'needs triage' })).rejects.toMatchObject({ status: 404 })
    expectCleanRun()
  })

  it('creates a label and answers 422 already_exists for a taken name', async () => {
    const created = await octokit.rest.issues.createLabel({ ...repo, name: 'needs triage', color: 'FBCA04', description: 'New' })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ name: 'needs triage', color: 'fbca04', description: 'New', url: `${sim.url}/repos/acme/minutes/labels/needs%20triage` })
    await expect(octokit.rest.issues.createLabel({ ...repo, name: 'Needs Triage' })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] } },
    })
    await expect(octokit.rest.issues.createLabel({ ...repo, name: 'bad', color: 'red' })).rejects.toMatchObject({ status: 422 })
    expectCleanRun()
  })
})

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createGitHubSim } from '../../test-support/github-sim/index.js'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { simOctokit } from './octokit.js'
import type { SimOctokit } from './octokit.js'

const repo = { owner: 'acme', repo: 'minutes' }
let sim: GitHubSim
let octokit: SimOctokit

beforeAll(async () => {
  sim = await createGitHubSim({
    repo: { owner: 'acme', name: 'minutes' },
    issues: Array.from({ length: 250 }, (_, i) => ({ title: `Action ${i + 1}`, labels: ['action-item'] })),
    commits: {
      base: {},
      head: Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`minutes/${String(i).padStart(3, '0')}.md`, `# ${i}\n`])),
    },
    pulls: [{ head: { ref: 'feature', sha: 'head' }, base: { ref: 'main', sha: 'base' } }],
  })
  octokit = simOctokit(sim).octokit
})

afterAll(async () => {
  sim.assertNoViolations()
  await sim.close()
})

describe('pagination', () => {
  it('answers GitHub-style Link headers: next and last, then prev and first', async () => {
    const page1 = await octokit.rest.issues.listForRepo({ ...repo, labels: 'action-item', per_page: 100 })
    const base = `${sim.url}/repos/acme/minutes/issues?labels=action-item&per_page=100`
    expect(page1.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`)

    const page2 = await octokit.rest.issues.listForRepo({ ...repo, labels: 'action-item', per_page: 100, page: 2 })
    expect(page2.headers.link).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
    )
    const page3 = await octokit.rest.issues.listForRepo({ ...repo, labels: 'action-item', per_page: 100, page: 3 })
    expect(page3.data).toHaveLength(50)
    expect(page3.headers.link).toBe(`<${base}&page=2>; rel="prev", <${base}&page=1>; rel="first"`)
  })

  it('lists 250 issues in 3 pages with octokit.paginate', async () => {
    sim.reset()
    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, labels: 'action-item', per_page: 100 })
    expect(issues).toHaveLength(250)
    expect(new Set(issues.map((i) => i.number)).size).toBe(250)
    // Newest first by default; the pull request (#1) has no label, so issues are #2..#251.
    expect([issues[0]?.number, issues.at(-1)?.number]).toEqual([251, 2])
    const pages = sim.requestsTo('GET', '/repos/{owner}/{repo}/issues')
    expect(pages.map((r) => [r.query.page, r.status, (r.responseBody as unknown[]).length])).toEqual([
      [undefined, 200, 100],
      ['2', 200, 100],
      ['3', 200, 50],
    ])
  })

  it('defaults to 30 per page and caps per_page at 100', async () => {
    const defaults = await octokit.rest.issues.listForRepo(repo)
    expect(defaults.data).toHaveLength(30)
    const capped = await octokit.request('GET /repos/{owner}/{repo}/issues', { ...repo, per_page: 500 })
    expect(capped.data).toHaveLength(100)
    const beyond = await octokit.rest.issues.listForRepo({ ...repo, per_page: 100, page: 9 })
    expect(beyond.data).toEqual([])
  })

  it('paginates pull request files and comments', async () => {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: 1, per_page: 50 })
    expect(files.map((f) => f.filename)).toEqual(Array.from({ length: 130 }, (_, i) => `minutes/${String(i).padStart(3, '0')}.md`))

    for (let i = 0; i < 45; i++) sim.addComment({ issue_number: 2, body: `comment ${i}` })
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 2 })
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 45 }, (_, i) => `comment ${i}`))
  })
})

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createGitHubSim, symlink, type GitHubSim } from '../../test-support/github-sim/index.js'
import { BASE_SHA, HEAD_SHA } from './fixtures.js'
import { simOctokit, type SimOctokit } from './octokit.js'

const repo = { owner: 'acme', repo: 'minutes' }
const JOINT = '# Joint 2026-11-26\n'
let sim: GitHubSim
let octokit: SimOctokit

beforeAll(async () => {
  sim = await createGitHubSim({
    repo: { owner: 'acme', name: 'minutes' },
    commits: {
      [BASE_SHA]: { 'platform/20261126.md': JOINT, 'storage/20261126.md': '../platform/20261126.md' },
      [HEAD_SHA]: {
        'platform/20261126.md': JOINT,
        'storage/20261126.md': symlink('../platform/20261126.md'),
        'sig-docs/20261126.md': symlink('../../elsewhere/notes.md'),
        archive: symlink('platform'),
      },
    },
    branches: { main: BASE_SHA, links: HEAD_SHA },
    pulls: [{ title: 'Links', head: { ref: 'links', sha: HEAD_SHA }, base: { ref: 'main', sha: BASE_SHA } }],
  })
  octokit = simOctokit(sim).octokit
})

afterAll(async () => {
  await sim.close()
})

describe('symbolic links in the simulated repository, as GitHub serves them', () => {
  it('the recursive tree lists a link as a blob of mode 120000, with the object ids git gives it', async () => {
    const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: HEAD_SHA, recursive: '1' })
    // `git write-tree` and `git ls-tree -r -t` on a checkout holding the same files and links.
    expect(data.sha).toBe('4c31536e1ee0b292183177c926e00bb8a7cbf74f')
    expect(data.tree.map((entry) => [entry.mode, entry.type, entry.sha, entry.path])).toEqual([
      ['120000', 'blob', 'fdf623f16aa17123a7fc9f6412a37f935a6e0a27', 'archive'],
      ['040000', 'tree', 'c04a8000aefdf7dacf4a60557fdbf40ce41d3fce', 'platform'],
      ['100644', 'blob', '087bc53d9019db2bed842a314f2bcb3afcb0ef9b', 'platform/20261126.md'],
      ['040000', 'tree', '42832c72664e861d980b76e061d87d14132283ac', 'sig-docs'],
      ['120000', 'blob', 'd0040e482a93d1738a8d9fb8611cafb24a1a9ea2', 'sig-docs/20261126.md'],
      ['040000', 'tree', '349b4473794821c03ba3b0f36588452127982011', 'storage'],
      ['120000', 'blob', '3fb492ee8874ad8911a14255898fbd51b1c10837', 'storage/20261126.md'],
    ])
    sim.assertNoViolations()
  })

  it('GET /git/blobs/{sha} answers a link\'s blob: its target as written, base64', async () => {
    const { data } = await octokit.rest.git.getBlob({ ...repo, file_sha: '3fb492ee8874ad8911a14255898fbd51b1c10837' })
    expect(data).toMatchObject({ sha: '3fb492ee8874ad8911a14255898fbd51b1c10837', size: 23, encoding: 'base64', url: `${sim.url}/repos/acme/minutes/git/blobs/3fb492ee8874ad8911a14255898fbd51b1c10837` })
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe('../platform/20261126.md')
    const file = await octokit.rest.git.getBlob({ ...repo, file_sha: '087bc53d9019db2bed842a314f2bcb3afcb0ef9b' })
    expect(Buffer.from(file.data.content, 'base64').toString('utf8')).toBe(JOINT)
    const raw = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { ...repo, file_sha: 'd0040e482a93d1738a8d9fb8611cafb24a1a9ea2', mediaType: { format: 'raw' } })
    expect(raw.data).toBe('../../elsewhere/notes.md')
    await expect(octokit.rest.git.getBlob({ ...repo, file_sha: 'f'.repeat(40) })).rejects.toMatchObject({ status: 404 })
    sim.assertNoViolations()
  })

  it('GET /contents on a link to a file of the repository answers with that file\'s content', async () => {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: 'storage/20261126.md', ref: HEAD_SHA })
    if (Array.isArray(data) || data.type !== 'file') throw new Error(`expected a file, got ${JSON.stringify(data)}`)
    expect(data).toMatchObject({ type: 'file', path: 'platform/20261126.md', sha: '087bc53d9019db2bed842a314f2bcb3afcb0ef9b', encoding: 'base64' })
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(JOINT)
    sim.assertNoViolations()
  })

  it('GET /contents on a link out of the repository, or to a folder, answers the link itself: type symlink and its target', async () => {
    const outside = await octokit.rest.repos.getContent({ ...repo, path: 'sig-docs/20261126.md', ref: HEAD_SHA })
    expect(outside.data).toMatchObject({ type: 'symlink', target: '../../elsewhere/notes.md', path: 'sig-docs/20261126.md', sha: 'd0040e482a93d1738a8d9fb8611cafb24a1a9ea2', size: 24 })
    expect(outside.data).not.toHaveProperty('content')
    const folder = await octokit.rest.repos.getContent({ ...repo, path: 'archive', ref: HEAD_SHA })
    expect(folder.data).toMatchObject({ type: 'symlink', target: 'platform', path: 'archive' })
    const listing = await octokit.rest.repos.getContent({ ...repo, path: 'storage', ref: HEAD_SHA })
    expect(Array.isArray(listing.data) && listing.data.map((entry) => [entry.type, entry.path])).toEqual([['symlink', 'storage/20261126.md']])
    sim.assertNoViolations()
  })

  it('a file that becomes a link holding the same text is a modified file of the pull request', async () => {
    const { data } = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 1 })
    expect(data.map((file) => [file.status, file.filename])).toEqual([
      ['added', 'archive'],
      ['added', 'sig-docs/20261126.md'],
      ['modified', 'storage/20261126.md'],
    ])
    sim.assertNoViolations()
  })
})

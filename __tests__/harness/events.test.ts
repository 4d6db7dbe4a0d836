import { describe, expect, it } from '@jest/globals'
import { FORK_OWNER, pullRequestEvent, pushEvent, workflowDispatchEvent } from '../../test-support/events.js'

const repo = { owner: 'acme', name: 'minutes' }
const HEAD = 'b'.repeat(40)
const BASE = 'a'.repeat(40)

/** Every string in a payload, to prove nothing of the example's repository is left. */
function strings(value: unknown): string[] {
  return JSON.stringify(value).match(/"(?:[^"\\]|\\.)*"/g) ?? []
}

describe('pullRequestEvent', () => {
  it('moves the example to the repository, number and commits of the test', () => {
    const payload = pullRequestEvent({ action: 'opened', repo, number: 7, head: { sha: HEAD, ref: 'minutes/april' }, base: { sha: BASE, ref: 'main' } })
    expect(payload).toMatchObject({
      action: 'opened',
      number: 7,
      repository: { name: 'minutes', full_name: 'acme/minutes', default_branch: 'main', owner: { login: 'acme' }, url: 'https://api.github.com/repos/acme/minutes' },
      pull_request: {
        number: 7,
        url: 'https://api.github.com/repos/acme/minutes/pulls/7',
        html_url: 'https://github.com/acme/minutes/pull/7',
        diff_url: 'https://github.com/acme/minutes/pull/7.diff',
        statuses_url: `https://api.github.com/repos/acme/minutes/statuses/${HEAD}`,
        user: { login: 'acme' },
        head: { sha: HEAD, ref: 'minutes/april', label: 'acme:minutes/april', repo: { full_name: 'acme/minutes', fork: false } },
        base: { sha: BASE, ref: 'main', label: 'acme:main', repo: { full_name: 'acme/minutes' } },
      },
      sender: { login: 'acme' },
    })
    expect(strings(payload).filter((s) => /Codertocat|Hello-World|ec26c3e|f95f852|\/2\b/.test(s))).toEqual([])
  })

  it('puts the head branch in a fork when asked', () => {
    const payload = pullRequestEvent({ action: 'synchronize', repo, number: 3, head: { sha: HEAD, ref: 'fix' }, base: { sha: BASE, ref: 'main' }, fork: true })
    expect(payload).toMatchObject({
      action: 'synchronize',
      before: BASE,
      after: HEAD,
      pull_request: {
        user: { login: FORK_OWNER },
        author_association: 'CONTRIBUTOR',
        head: { label: `${FORK_OWNER}:fix`, user: { login: FORK_OWNER }, repo: { full_name: `${FORK_OWNER}/minutes`, fork: true, owner: { login: FORK_OWNER } } },
        base: { label: 'acme:main', repo: { full_name: 'acme/minutes', fork: false } },
      },
      sender: { login: FORK_OWNER },
    })
  })
})

describe('pushEvent', () => {
  it('describes the push of before..after to the ref', () => {
    const after = 'c'.repeat(40)
    const payload = pushEvent({ repo, ref: 'refs/heads/main', before: HEAD, after })
    expect(payload).toMatchObject({
      ref: 'refs/heads/main',
      before: HEAD,
      after,
      created: false,
      deleted: false,
      compare: `https://github.com/acme/minutes/compare/${'b'.repeat(12)}...${'c'.repeat(12)}`,
      head_commit: { id: after, url: `https://github.com/acme/minutes/commit/${after}` },
      repository: { full_name: 'acme/minutes', name: 'minutes', default_branch: 'main', master_branch: 'main', owner: { login: 'acme', name: 'acme' } },
      pusher: { name: 'acme' },
    })
    expect(payload.commits.map((c) => c.id)).toEqual([after])
  })
})

describe('workflowDispatchEvent', () => {
  it('runs on the ref of the repository, owned by a user', () => {
    const payload = workflowDispatchEvent({ repo: { ...repo, defaultBranch: 'trunk' }, ref: 'refs/heads/trunk' })
    expect(payload).toMatchObject({ ref: 'refs/heads/trunk', inputs: {}, repository: { full_name: 'acme/minutes', name: 'minutes', default_branch: 'trunk', owner: { login: 'acme', type: 'User' } } })
    expect(payload).not.toHaveProperty('organization')
    expect(strings(payload).filter((s) => /octo-org|octo-repo/.test(s))).toEqual([])
  })
})

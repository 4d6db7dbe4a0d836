import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient } from '../../src/github/client.js'
import { createGitHubSim } from '../../test-support/github-sim/index.js'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { minutesRepo, testClock } from './fixtures.js'

// The client is composed from @octokit/core and its plugins (no longer @actions/github's
// getOctokit): what getOctokit added must still be sent.

let sim: GitHubSim

beforeEach(async () => {
  sim = await createGitHubSim(minutesRepo(testClock().now))
})

afterEach(async () => {
  sim.assertNoViolations()
  await sim.close()
})

describe('the GitHub client', () => {
  it('sends the token as `token …` and octokit’s user agent, through Node’s fetch, counting requests', async () => {
    const { client, requests } = createGitHubClient({ token: 'ghs_abc', baseUrl: sim.url, warn: () => undefined })
    const issues = await client.paginate(client.rest.issues.listForRepo, { owner: 'acme', repo: 'minutes', per_page: 100 })
    expect(issues.length).toBeGreaterThan(0)
    expect(requests.count).toBe(1)
    const [request] = sim.requests
    expect(request?.headers.authorization).toBe('token ghs_abc')
    expect(request?.headers['user-agent']).toMatch(/^octokit-core\.js\/\d+\.\d+\.\d+ Node\.js\/24/)
  })

  it('tags the user agent with the runner’s orchestration id, made safe, as @actions/github does', async () => {
    const { client } = createGitHubClient({ token: 'ghs_abc', baseUrl: sim.url, warn: () => undefined, orchestrationId: ' run 42/a:b ' })
    await client.rest.issues.listForRepo({ owner: 'acme', repo: 'minutes' })
    expect(sim.requests[0]?.headers['user-agent']).toMatch(/^actions_orchestration_id\/run_42_a_b octokit-core\.js\//)
  })

  it('refuses an empty token with a message naming the input', () => {
    expect(() => createGitHubClient({ token: '', baseUrl: sim.url, warn: () => undefined })).toThrow('the GitHub token is empty: give the `github-token` input a token')
  })
})

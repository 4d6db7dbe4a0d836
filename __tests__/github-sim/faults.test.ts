import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient } from '../../src/github/client.js'
import { createGitHubSim, SECONDARY_RATE_LIMIT_MESSAGE } from '../../test-support/github-sim/index.js'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { minutesRepo, testClock } from './fixtures.js'
import { send } from './http.js'

const ISSUES = '/repos/acme/minutes/issues'
const ISSUE_TEMPLATE = '/repos/{owner}/{repo}/issues/{issue_number}'

let sim: GitHubSim

beforeEach(async () => {
  sim = await createGitHubSim(minutesRepo(testClock().now))
})

afterEach(async () => {
  sim.assertNoViolations()
  await sim.close()
})

describe('injected server errors', () => {
  it('answers 500 for the given number of matching requests, then recovers', async () => {
    const fault = sim.fail({ method: 'POST', path: ISSUES, status: 500, times: 2 })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await send(sim, 'POST', ISSUES, { title: `try ${i}` })).status)
    expect(statuses).toEqual([500, 500, 201])
    expect({ hits: fault.hits, remaining: fault.remaining }).toEqual({ hits: 2, remaining: 0 })
    expect(sim.state.issues.map((i) => i.title)).toEqual(['Book a room', 'Old action', 'try 2'])
    expect(sim.requests.map((r) => r.fault)).toEqual(['injected 500', 'injected 500', undefined])
  })

  it('answers 502 with an HTML page like the load balancer', async () => {
    sim.fail({ path: ISSUES, status: 502 })
    const { status, headers, body } = await send(sim, 'GET', ISSUES)
    expect(status).toBe(502)
    expect(headers['content-type']).toBe('text/html; charset=utf-8')
    expect(body).toBe('<html><body><h1>502 Bad Gateway</h1></body></html>')
    expect((await send(sim, 'GET', ISSUES)).status).toBe(200)
  })

  it('answers 404 and 422 in GitHub’s error format', async () => {
    sim.fail({ path: '/repos/acme/minutes/issues/2', status: 404 })
    sim.fail({ method: 'POST', path: ISSUES, status: 422, message: 'title is too long' })
    expect(await send(sim, 'GET', '/repos/acme/minutes/issues/2')).toMatchObject({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } })
    expect(await send(sim, 'POST', ISSUES, { title: 'x' })).toMatchObject({
      status: 422,
      body: { message: 'Validation Failed', errors: [{ code: 'custom', message: 'title is too long' }] },
    })
  })
})

describe('injected rate limits', () => {
  it('answers 429 with retry-after', async () => {
    sim.fail({ path: ISSUES, status: 429, retryAfter: 7 })
    const { status, headers, body } = await send(sim, 'GET', ISSUES)
    expect(status).toBe(429)
    expect(headers['retry-after']).toBe('7')
    expect(body).toEqual({
      message: SECONDARY_RATE_LIMIT_MESSAGE.replace('{id}', headers['x-github-request-id'] ?? ''),
      documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    })
  })

  it('answers a secondary rate limit as 403 with GitHub’s message and retry-after', async () => {
    sim.fail({ method: 'POST', path: ISSUES, status: 'secondary-rate-limit', retryAfter: 30 })
    const { status, headers, body } = await send(sim, 'POST', ISSUES, { title: 'x' })
    expect(status).toBe(403)
    expect(headers['retry-after']).toBe('30')
    expect((body as { message: string }).message).toBe(
      `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${headers['x-github-request-id']}.`,
    )
  })
})

describe('fault matching', () => {
  it('matches by method and by OpenAPI path template, first registered first', async () => {
    const patch = sim.fail({ method: 'PATCH', path: ISSUE_TEMPLATE, status: 500 })
    const any = sim.fail({ path: ISSUE_TEMPLATE, status: 404, times: Infinity })
    expect((await send(sim, 'GET', ISSUES)).status).toBe(200)
    expect((await send(sim, 'PATCH', '/repos/acme/minutes/issues/2', { title: 'a' })).status).toBe(500)
    expect((await send(sim, 'PATCH', '/repos/acme/minutes/issues/2', { title: 'b' })).status).toBe(404)
    expect((await send(sim, 'GET', '/repos/acme/minutes/issues/3')).status).toBe(404)
    expect([patch.hits, any.hits, any.remaining]).toEqual([1, 2, Infinity])
    sim.clearFaults()
    expect((await send(sim, 'GET', '/repos/acme/minutes/issues/3')).status).toBe(200)
  })

  it('matches a RegExp against the decoded path', async () => {
    sim.fail({ path: /\/labels\/action item$/, status: 404 })
    expect((await send(sim, 'GET', '/repos/acme/minutes/labels/action%20item')).status).toBe(404)
    expect((await send(sim, 'GET', '/repos/acme/minutes/labels/action-item')).status).toBe(200)
  })

  it('rejects a fault that could never fire', () => {
    expect(() => sim.fail({ path: ISSUES, status: 500, times: 0 })).toThrow('fault "times" must be positive, got 0')
  })
})

describe('read-only mode', () => {
  it('forbids every write with GitHub’s integration message and still answers reads', async () => {
    sim.setReadOnly(true)
    const writes = [
      await send(sim, 'POST', ISSUES, { title: 'x' }),
      await send(sim, 'PATCH', '/repos/acme/minutes/issues/2', { state: 'closed' }),
      await send(sim, 'POST', '/repos/acme/minutes/issues/2/comments', { body: 'hi' }),
      await send(sim, 'POST', '/repos/acme/minutes/labels', { name: 'new', color: 'ffffff' }),
    ]
    expect(writes.map((w) => [w.status, (w.body as { message: string }).message])).toEqual(Array(4).fill([403, 'Resource not accessible by integration']))
    expect((await send(sim, 'GET', '/repos/acme/minutes/issues/2')).status).toBe(200)
    expect((await send(sim, 'GET', ISSUES)).status).toBe(200)
    expect(sim.state.issues.map((i) => [i.number, i.state])).toEqual([[2, 'open'], [3, 'closed']])
    expect(sim.state.comments).toEqual([])
    expect(sim.writes().map((w) => w.fault)).toEqual(Array(4).fill('read-only'))

    sim.setReadOnly(false)
    expect((await send(sim, 'POST', ISSUES, { title: 'x' })).status).toBe(201)
  })
})

/**
 * The plugins' real waits apply (client.ts has no option to shorten them): a 1 s retry
 * delay, and the throttling plugin's process-wide queues that space writes 1 s apart and
 * issue/comment creations 3 s apart. So each test makes one retried write, and only the
 * first creates an issue, which keeps every test under about 2 s.
 */
describe("the project's GitHub client against faults", () => {
  const repo = { owner: 'acme', repo: 'minutes' }
  function client(warnings: string[] = []) {
    return createGitHubClient({ token: 'ghs_simulated_token', baseUrl: sim.url, warn: (line) => warnings.push(line) }).client
  }

  it('retries a 500 and creates the issue exactly once', async () => {
    sim.fail({ method: 'POST', path: ISSUES, status: 500 })
    const { status, data } = await client().rest.issues.create({ ...repo, title: 'Retried' })
    expect([status, data.number]).toEqual([201, 4])
    expect(sim.requestsTo('POST', ISSUES).map((r) => r.status)).toEqual([500, 201])
    expect(sim.state.issues.map((i) => i.title)).toEqual(['Book a room', 'Old action', 'Retried'])
  })

  it('retries a 502 and updates the issue exactly once', async () => {
    sim.fail({ method: 'PATCH', path: ISSUE_TEMPLATE, status: 502 })
    const { status } = await client().rest.issues.update({ ...repo, issue_number: 2, body: 'Updated' })
    expect(status).toBe(200)
    expect(sim.requestsTo('PATCH', ISSUE_TEMPLATE).map((r) => r.status)).toEqual([502, 200])
    expect(sim.state.issues.find((i) => i.number === 2)?.body).toBe('Updated')
  })

  it('waits out a secondary rate limit, warns, and writes once', async () => {
    sim.fail({ method: 'POST', path: '/repos/{owner}/{repo}/labels', status: 'secondary-rate-limit', retryAfter: 1 })
    const warnings: string[] = []
    const { status } = await client(warnings).rest.issues.createLabel({ ...repo, name: 'minutes', color: '1d76db' })
    expect(status).toBe(201)
    expect(sim.requestsTo('POST', '/repos/acme/minutes/labels').map((r) => r.status)).toEqual([403, 201])
    expect(sim.state.labels.map((l) => l.name)).toEqual(['action-item', 'done', 'minutes'])
    expect(warnings).toEqual(['GitHub secondary rate limit on POST /repos/{owner}/{repo}/labels; retrying in 1 s'])
  })

  it('does not retry a 404 or a read-only 403', async () => {
    sim.fail({ method: 'GET', path: '/repos/acme/minutes/issues/2', status: 404 })
    const octokit = client()
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 2 })).rejects.toMatchObject({ status: 404 })
    sim.setReadOnly(true)
    await expect(octokit.rest.issues.update({ ...repo, issue_number: 2, state: 'closed' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    })
    expect(sim.requests.map((r) => [r.method, r.status])).toEqual([['GET', 404], ['PATCH', 403]])
  })
})

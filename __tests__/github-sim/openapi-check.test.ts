import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubSim } from '../../test-support/github-sim/index.js'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { minutesRepo, testClock } from './fixtures.js'
import { send } from './http.js'

let sim: GitHubSim

beforeEach(async () => {
  sim = await createGitHubSim(minutesRepo(testClock().now))
})

afterEach(async () => {
  await sim.close()
})

describe('OpenAPI request check', () => {
  it('answers 404 to a path that is not in the REST API and records it', async () => {
    const { status, body } = await send(sim, 'GET', '/repos/acme/minutes/not-an-endpoint')
    expect(status).toBe(404)
    expect(body).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
    expect(sim.violations).toEqual([
      { kind: 'unknown-endpoint', method: 'GET', path: '/repos/acme/minutes/not-an-endpoint', message: 'GET /repos/acme/minutes/not-an-endpoint is not a GitHub REST endpoint', details: ['no such path in the REST API'] },
    ])
  })

  it('names the allowed methods of a known path called with another method', async () => {
    const { status } = await send(sim, 'PUT', '/repos/acme/minutes/issues/2')
    expect(status).toBe(404)
    expect(sim.violations).toEqual([
      { kind: 'unknown-endpoint', method: 'PUT', path: '/repos/acme/minutes/issues/2', message: 'PUT /repos/acme/minutes/issues/2 is not a GitHub REST endpoint', details: ['/repos/{owner}/{repo}/issues/{issue_number} only allows GET, PATCH'] },
    ])
  })

  it('answers 422 Validation Failed to a body of the wrong type, without creating anything', async () => {
    const before = sim.state.issues.length
    const { status, body } = await send(sim, 'POST', '/repos/acme/minutes/issues', { title: true })
    expect(status).toBe(422)
    const messages = ['body "title" must be string', 'body "title" must be integer', 'body "title" must match exactly one schema in oneOf']
    expect(body).toEqual({
      message: 'Validation Failed',
      errors: messages.map((message) => ({ resource: 'body', field: 'title', code: 'invalid', message })),
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    })
    expect(sim.state.issues).toHaveLength(before)
    expect(sim.violations).toEqual([
      { kind: 'invalid-request', method: 'POST', path: '/repos/acme/minutes/issues', operationId: 'issues/create', message: 'the request does not match the OpenAPI description', details: messages },
    ])
  })

  it('accepts a numeric title, which GitHub documents as allowed', async () => {
    const { status, body } = await send(sim, 'POST', '/repos/acme/minutes/issues', { title: 5 })
    expect(status).toBe(201)
    expect(body).toMatchObject({ number: 4, title: '5' })
    expect(sim.violations).toEqual([])
  })

  it('answers 422 to a state outside the enum and says which values are allowed', async () => {
    const { status, body } = await send(sim, 'PATCH', '/repos/acme/minutes/issues/2', { state: 'merged' })
    expect(status).toBe(422)
    expect(body).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'body', field: 'state', code: 'invalid', message: 'body "state" must be one of ["open","closed"]' }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#update-an-issue',
    })
    expect(sim.state.issues[0]?.state).toBe('open')
    expect(sim.violations).toEqual([
      { kind: 'invalid-request', method: 'PATCH', path: '/repos/acme/minutes/issues/2', operationId: 'issues/update', message: 'the request does not match the OpenAPI description', details: ['body "state" must be one of ["open","closed"]'] },
    ])
  })

  it('answers a missing required field with missing_field', async () => {
    const { status, body } = await send(sim, 'POST', '/repos/acme/minutes/issues', { body: 'no title' })
    expect(status).toBe(422)
    expect(body).toMatchObject({ errors: [{ resource: 'body', field: 'title', code: 'missing_field', message: 'body is missing "title"' }] })
  })

  it('records an unknown query parameter but answers like GitHub, which ignores it', async () => {
    const { status } = await send(sim, 'GET', '/repos/acme/minutes/issues?state=all&colour=red')
    expect(status).toBe(200)
    expect(sim.violations).toEqual([
      { kind: 'unknown-parameter', method: 'GET', path: '/repos/acme/minutes/issues', operationId: 'issues/list-for-repo', message: 'GitHub would silently ignore part of this request', details: ['query parameter "colour"'] },
    ])
  })

  it('records an unknown body property', async () => {
    const { status } = await send(sim, 'POST', '/repos/acme/minutes/issues', { title: 'x', asignees: ['alice'] })
    expect(status).toBe(201)
    expect(sim.violations).toMatchObject([{ kind: 'unknown-parameter', details: ['body property "asignees"'] }])
  })

  it('records none for valid requests', async () => {
    expect((await send(sim, 'GET', '/repos/acme/minutes/issues?state=open&per_page=10')).status).toBe(200)
    expect((await send(sim, 'POST', '/repos/acme/minutes/issues', { title: 'Book a room', labels: ['action-item'], assignees: ['bob'] })).status).toBe(201)
    expect((await send(sim, 'PATCH', '/repos/acme/minutes/issues/2', { state: 'closed', state_reason: 'completed' })).status).toBe(200)
    expect(sim.violations).toEqual([])
    expect(() => sim.assertNoViolations()).not.toThrow()
  })
})

describe('assertNoViolations', () => {
  it('throws one readable message listing every violation', async () => {
    await send(sim, 'GET', '/repos/acme/minutes/nope')
    await send(sim, 'PATCH', '/repos/acme/minutes/issues/2', { state: 'merged' })
    sim.reset()
    expect(() => sim.assertNoViolations()).toThrow(
      [
        'The GitHub simulator recorded 2 violation(s):',
        '  - GET /repos/acme/minutes/nope: [unknown-endpoint] GET /repos/acme/minutes/nope is not a GitHub REST endpoint',
        '      no such path in the REST API',
        '  - PATCH /repos/acme/minutes/issues/2 (issues/update): [invalid-request] the request does not match the OpenAPI description',
        '      body "state" must be one of ["open","closed"]',
      ].join('\n'),
    )
  })
})

describe('OpenAPI response check', () => {
  it("records a simulator answer that does not match GitHub's response schema", async () => {
    const issue = sim.state.issues.find((i) => i.number === 2)
    if (!issue) throw new Error('fixture issue #2 missing')
    issue.state_reason = 'bogus' as typeof issue.state_reason
    const { status } = await send(sim, 'GET', '/repos/acme/minutes/issues/2')
    expect(status).toBe(200)
    expect(sim.violations).toMatchObject([
      { kind: 'response-schema', method: 'GET', path: '/repos/acme/minutes/issues/2', operationId: 'issues/get', message: "the simulator's 200 answer does not match GitHub's schema" },
    ])
    expect(sim.violations[0]?.details).toContain('state_reason must be one of ["completed","reopened","not_planned","duplicate",null]')
  })

  it('can be switched off', async () => {
    const unchecked = await createGitHubSim({ ...minutesRepo(testClock().now), validateResponses: false })
    try {
      const issue = unchecked.state.issues.find((i) => i.number === 2)
      if (issue) issue.state_reason = 'bogus' as typeof issue.state_reason
      expect((await send(unchecked, 'GET', '/repos/acme/minutes/issues/2')).status).toBe(200)
      expect(unchecked.violations).toEqual([])
    } finally {
      await unchecked.close()
    }
  })
})

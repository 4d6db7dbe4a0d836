import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PUSH_COMMIT_LIMIT, readEvent } from '../../src/action/event.js'
import { SettingsError, readSettings } from '../../src/action/settings.js'
import { pullRequestEvent, pushEvent } from '../../test-support/events.js'

const folder = mkdtempSync(join(tmpdir(), 'settings-'))
function eventFile(payload: unknown): string {
  const path = join(folder, `${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, JSON.stringify(payload))
  return path
}

const repo = { owner: 'acme', name: 'minutes' }
const env = { GITHUB_REPOSITORY: 'acme/minutes', GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main' }

describe('readSettings', () => {
  test('defaults: fail on errors, issues after merge, comment on, no dry run, real waits', () => {
    const settings = readSettings(() => '', env)
    expect(settings).toMatchObject({ failOn: 'error', createIssues: 'on-merge', dryRun: false, maxNewIssues: 20, maxClosesAndReopens: 20, comment: true, timeScale: 1, sha: 'c'.repeat(40), serverUrl: 'https://github.com' })
  })

  test.each([
    ['create-issues', 'sometimes', 'Input `create-issues` must be one of on-merge, always, never, not “sometimes”.'],
    ['fail-on', 'warnings', 'Input `fail-on` must be one of error, warning, never, not “warnings”.'],
    ['dry-run', 'yes', 'Input `dry-run` must be true or false, not “yes”.'],
    ['comment', '1', 'Input `comment` must be true or false, not “1”.'],
    ['dashboard', 'no', 'Input `dashboard` must be true or false, not “no”.'],
    ['max-new-issues', '-1', 'Input `max-new-issues` must be a whole number (0 or more), not “-1”.'],
    ['max-new-issues', 'all', 'Input `max-new-issues` must be a whole number (0 or more), not “all”.'],
    ['max-closes-and-reopens', '2.5', 'Input `max-closes-and-reopens` must be a whole number (0 or more), not “2.5”.'],
  ])('input %s: %j is refused with a message naming it', (name, value, message) => {
    expect(() => readSettings((input) => (input === name ? value : ''), env)).toThrow(new SettingsError(message))
  })

  test('dashboard: on by default, titled “Open action items” unless the input names it', () => {
    expect(readSettings(() => '', env)).toMatchObject({ dashboard: true, dashboardTitle: 'Open action items' })
    const inputs: Record<string, string> = { dashboard: 'false', 'dashboard-title': ' Our open items ' }
    expect(readSettings((name) => inputs[name] ?? '', env)).toMatchObject({ dashboard: false, dashboardTitle: 'Our open items' })
  })

  test('max-new-issues: a whole number, 0 included', () => {
    expect(readSettings((input) => (input === 'max-new-issues' ? ' 0 ' : ''), env).maxNewIssues).toBe(0)
    expect(readSettings((input) => (input === 'max-new-issues' ? '300' : ''), env).maxNewIssues).toBe(300)
  })

  test('max-closes-and-reopens: a whole number, 0 included, read apart from max-new-issues', () => {
    expect(readSettings((input) => (input === 'max-closes-and-reopens' ? ' 0 ' : ''), env)).toMatchObject({ maxClosesAndReopens: 0, maxNewIssues: 20 })
    expect(readSettings((input) => (input === 'max-closes-and-reopens' ? '50' : ''), env).maxClosesAndReopens).toBe(50)
  })

  test('scope: changed on pull requests and pushes, all on other events, unless the input says', () => {
    expect(readSettings(() => '', env).scope).toBe('changed')
    expect(readSettings(() => '', { ...env, GITHUB_EVENT_NAME: 'pull_request_target' }).scope).toBe('changed')
    expect(readSettings(() => '', { ...env, GITHUB_EVENT_NAME: 'workflow_dispatch' }).scope).toBe('all')
    expect(readSettings(() => '', { ...env, GITHUB_EVENT_NAME: 'schedule' }).scope).toBe('all')
    expect(readSettings((name) => (name === 'scope' ? 'all' : ''), env).scope).toBe('all')
    expect(readSettings((name) => (name === 'scope' ? 'changed' : ''), { ...env, GITHUB_EVENT_NAME: 'schedule' }).scope).toBe('changed')
    expect(() => readSettings((name) => (name === 'scope' ? 'some' : ''), env)).toThrow(new SettingsError('Input `scope` must be one of changed, all, not “some”.'))
  })

  test('prepare-next: a series folder inside the repository, or none', () => {
    expect(readSettings(() => '', env).prepareNext).toBeNull()
    expect(readSettings((name) => (name === 'prepare-next' ? ' community-call/ ' : ''), env).prepareNext).toBe('community-call/')
    expect(() => readSettings((name) => (name === 'prepare-next' ? '../elsewhere' : ''), env)).toThrow(
      new SettingsError('Input `prepare-next` must name a series folder inside the repository (e.g. community-call), not “../elsewhere”.'),
    )
  })

  test('the time scale may only shrink waits', () => {
    expect(readSettings(() => '', { ...env, MINUTES_AUTOMATION_TIME_SCALE: '0.01' }).timeScale).toBe(0.01)
    expect(() => readSettings(() => '', { ...env, MINUTES_AUTOMATION_TIME_SCALE: '5' })).toThrow('MINUTES_AUTOMATION_TIME_SCALE must be a number in (0, 1], not “5”.')
  })

  test('outside a workflow: a clear message', () => {
    expect(() => readSettings(() => '', {})).toThrow('GITHUB_REPOSITORY is not set: run this action in a GitHub Actions workflow.')
  })
})

describe('readEvent', () => {
  test('a pull request from a fork: number, head commit and branch, base commit, fork flag', () => {
    const payload = pullRequestEvent({ action: 'opened', repo, number: 12, head: { sha: 'b'.repeat(40), ref: 'topic' }, base: { sha: 'a'.repeat(40), ref: 'main' }, fork: true })
    expect(readEvent('pull_request_target', eventFile(payload))).toEqual({
      name: 'pull_request_target',
      pullRequest: { number: 12, headSha: 'b'.repeat(40), headRef: 'topic', baseSha: 'a'.repeat(40), fromFork: true },
      defaultBranch: 'main',
      pushedPaths: null,
      removedPaths: [],
      push: null,
    })
  })

  test('a push: the files its commits added or modified, once each, sorted', () => {
    const payload = pushEvent({ repo, ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'b'.repeat(40) })
    payload.commits = [
      { ...payload.commits[0]!, added: ['b.md'], modified: ['a.md'], removed: ['gone.md'] },
      { ...payload.commits[0]!, added: [], modified: ['b.md', 'c.md'], removed: [] },
    ]
    const event = readEvent('push', eventFile(payload))
    expect(event.pushedPaths).toEqual(['a.md', 'b.md', 'c.md'])
    expect(event.removedPaths).toEqual(['gone.md'])
    expect(event.push).toEqual({ before: 'a'.repeat(40), after: 'b'.repeat(40), forced: false, created: false })
  })

  test('a push whose payload cannot tell its files: forced, no commits, or as many as GitHub lists at most', () => {
    const payload = pushEvent({ repo, ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'b'.repeat(40) })
    const commit = { ...payload.commits[0]!, added: ['b.md'], modified: [], removed: [] }
    expect(readEvent('push', eventFile({ ...payload, commits: [commit], forced: true })).pushedPaths).toBeNull()
    expect(readEvent('push', eventFile({ ...payload, commits: [] })).pushedPaths).toBeNull()
    expect(readEvent('push', eventFile({ ...payload, commits: Array.from({ length: PUSH_COMMIT_LIMIT }, () => commit) })).pushedPaths).toBeNull()
    expect(readEvent('push', eventFile({ ...payload, commits: Array.from({ length: PUSH_COMMIT_LIMIT - 1 }, () => commit) })).pushedPaths).toEqual(['b.md'])
    const created = pushEvent({ repo, ref: 'refs/heads/main', before: '0'.repeat(40), after: 'b'.repeat(40) })
    expect(readEvent('push', eventFile(created)).push).toMatchObject({ created: true })
  })

  test('a missing or broken payload gives an event without details, not a crash', () => {
    const broken = join(folder, 'broken.json')
    writeFileSync(broken, '{"pull_request": ')
    expect(readEvent('pull_request', broken)).toEqual({ name: 'pull_request', pullRequest: null, defaultBranch: null, pushedPaths: null, removedPaths: [], push: null })
    expect(readEvent('push', join(folder, 'missing.json'))).toEqual({
      name: 'push',
      pullRequest: null,
      defaultBranch: null,
      pushedPaths: null,
      removedPaths: [],
      push: { before: '', after: '', forced: false, created: false },
    })
  })
})

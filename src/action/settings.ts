import { tmpdir } from 'node:os'
import { CREATE_ISSUES, DEFAULT_DASHBOARD_TITLE, DEFAULT_MAX_CLOSES_AND_REOPENS, DEFAULT_MAX_NEW_ISSUES, FAIL_ON, INPUTS, SCOPES, type CreateIssues, type FailOn, type Scope } from '../constants.js'
import type { Repository } from '../github/client.js'
import { isCalendarDate } from '../repo/dates.js'
import { readEvent, type EventInfo } from './event.js'

/** Everything the action needs from its inputs and the runner's environment, read once. */
export interface ActionSettings {
  token: string
  /** The configuration file, relative to the workspace; null: `.github/minutes.yml` if present. */
  configPath: string | null
  /** Globs limiting which minutes files are checked; empty: all a profile applies to. */
  patterns: string[]
  failOn: FailOn
  createIssues: CreateIssues
  dryRun: boolean
  /** Issues one run creates at most; the rest are held back for the next run. */
  maxNewIssues: number
  /** Issues one run closes and reopens at most, together; the rest are held back for the next run. */
  maxClosesAndReopens: number
  comment: boolean
  /** Keep the dashboard issue of open action items (on the runs that write issues). */
  dashboard: boolean
  dashboardTitle: string
  /** What the run checks: the input, else `changed` on pull requests and pushes, `all` otherwise. */
  scope: Scope
  /** The series whose next meeting's minutes a `schedule` or `workflow_dispatch` run writes; null: none. */
  prepareNext: string | null
  workspace: string
  /** `RUNNER_TEMP`: where the full report file is written. */
  runnerTemp: string
  repository: Repository
  event: EventInfo
  /** The commit checked: a pull request's head, else the workflow's commit. */
  sha: string
  /** `refs/heads/main`, ... */
  ref: string
  apiUrl: string
  serverUrl: string
  /** `MINUTES_AUTOMATION_TIME_SCALE`: scales the client's waits; below 1 only for the loopback simulation. */
  timeScale: number
  /** Today, `YYYY-MM-DD` (UTC): when `prepare-next` looks for the next meeting. `MINUTES_AUTOMATION_TODAY` fixes it (tests). */
  today: string
}

/** Inputs that cannot be used; the message names the input. */
export class SettingsError extends Error {
  override name = 'SettingsError'
}

/** Reads the inputs (through `getInput`, as @actions/core does) and the environment. */
export function readSettings(getInput: (name: string) => string, env: NodeJS.ProcessEnv): ActionSettings {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) throw new SettingsError('GITHUB_REPOSITORY is not set: run this action in a GitHub Actions workflow.')
  const event = readEvent(env.GITHUB_EVENT_NAME ?? '', env.GITHUB_EVENT_PATH)
  return {
    token: getInput(INPUTS.githubToken),
    configPath: getInput(INPUTS.config) || null,
    patterns: splitList(getInput(INPUTS.paths)),
    failOn: oneOf(getInput, INPUTS.failOn, FAIL_ON, 'error'),
    createIssues: oneOf(getInput, INPUTS.createIssues, CREATE_ISSUES, 'on-merge'),
    dryRun: flag(getInput, INPUTS.dryRun, false),
    maxNewIssues: count(getInput, INPUTS.maxNewIssues, DEFAULT_MAX_NEW_ISSUES),
    maxClosesAndReopens: count(getInput, INPUTS.maxClosesAndReopens, DEFAULT_MAX_CLOSES_AND_REOPENS),
    comment: flag(getInput, INPUTS.comment, true),
    dashboard: flag(getInput, INPUTS.dashboard, true),
    dashboardTitle: getInput(INPUTS.dashboardTitle).trim() || DEFAULT_DASHBOARD_TITLE,
    scope: getInput(INPUTS.scope).trim() ? oneOf(getInput, INPUTS.scope, SCOPES, 'changed') : defaultScope(event.name),
    prepareNext: seriesName(getInput(INPUTS.prepareNext)),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    repository: { owner, repo },
    event,
    sha: event.pullRequest?.headSha ?? env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    timeScale: timeScale(env.MINUTES_AUTOMATION_TIME_SCALE),
    today: today(env.MINUTES_AUTOMATION_TODAY),
  }
}

/** Changes are what pull requests and pushes are about; other events (manual, scheduled) audit everything. */
export function defaultScope(eventName: string): Scope {
  return eventName.startsWith('pull_request') || eventName === 'push' ? 'changed' : 'all'
}

function today(value: string | undefined): string {
  if (!value) return new Date().toISOString().slice(0, 10)
  if (!isCalendarDate(value)) throw new SettingsError(`MINUTES_AUTOMATION_TODAY must be a day written YYYY-MM-DD, not “${value}”.`)
  return value
}

function timeScale(value: string | undefined): number {
  if (!value) return 1
  const scale = Number(value)
  if (!(scale > 0 && scale <= 1)) throw new SettingsError(`MINUTES_AUTOMATION_TIME_SCALE must be a number in (0, 1], not “${value}”.`)
  return scale
}

function oneOf<T extends string>(getInput: (name: string) => string, name: string, allowed: readonly T[], fallback: T): T {
  const value = getInput(name).trim() || fallback
  if (!(allowed as readonly string[]).includes(value)) {
    throw new SettingsError(`Input \`${name}\` must be one of ${allowed.join(', ')}, not “${value}”.`)
  }
  return value as T
}

/** A boolean input as YAML 1.2 core spells it (what @actions/core's getBooleanInput accepts). */
function flag(getInput: (name: string) => string, name: string, fallback: boolean): boolean {
  const value = getInput(name).trim()
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new SettingsError(`Input \`${name}\` must be true or false, not “${value}”.`)
}

/** A whole number input, 0 or more. */
function count(getInput: (name: string) => string, name: string, fallback: number): number {
  const value = getInput(name).trim()
  if (value === '') return fallback
  if (!/^\d{1,6}$/.test(value)) throw new SettingsError(`Input \`${name}\` must be a whole number (0 or more), not “${value}”.`)
  return Number(value)
}

/** A list input: one entry per line or comma. */
function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
}

/** A series folder as the `prepare-next` input names it: a relative path inside the workspace. */
function seriesName(value: string): string | null {
  const name = value.trim()
  if (name === '') return null
  if (name.startsWith('/') || name.split('/').includes('..') || name.includes('\\')) {
    throw new SettingsError(`Input \`${INPUTS.prepareNext}\` must name a series folder inside the repository (e.g. community-call), not “${name}”.`)
  }
  return name
}

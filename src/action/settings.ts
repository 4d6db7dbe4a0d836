import { readFileSync } from 'node:fs'
import { FAIL_ON, INPUTS, type FailOn } from '../constants.js'

/** Everything the action needs from its inputs and the runner's environment, read once. */
export interface ActionSettings {
  token: string
  /** The configuration file, relative to the workspace; null: `.github/minutes.yml` if present. */
  configPath: string | null
  /** Globs limiting which minutes files are checked; empty: all a profile applies to. */
  patterns: string[]
  failOn: FailOn
  workspace: string
  /** `owner/repo` the workflow runs in. */
  repository: { owner: string; repo: string }
  eventName: string
  /** The pull request of a `pull_request` event; null for other events. */
  pullNumber: number | null
  apiUrl: string
}

/** Inputs that cannot be used; the message names the input. */
export class SettingsError extends Error {
  override name = 'SettingsError'
}

/** Reads the inputs (through `getInput`, as @actions/core does) and the environment. */
export function readSettings(getInput: (name: string) => string, env: NodeJS.ProcessEnv): ActionSettings {
  const failOn = (getInput(INPUTS.failOn) || 'error') as FailOn
  if (!FAIL_ON.includes(failOn)) {
    throw new SettingsError(`Input \`${INPUTS.failOn}\` must be one of ${FAIL_ON.join(', ')}, not “${failOn}”.`)
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) throw new SettingsError('GITHUB_REPOSITORY is not set: run this action in a GitHub Actions workflow.')
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  return {
    token: getInput(INPUTS.githubToken),
    configPath: getInput(INPUTS.config) || null,
    patterns: splitList(getInput(INPUTS.paths)),
    failOn,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    repository: { owner, repo },
    eventName,
    pullNumber: eventName.startsWith('pull_request') ? pullNumberOf(env.GITHUB_EVENT_PATH) : null,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
  }
}

/** A list input: one entry per line or comma. */
function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
}

function pullNumberOf(eventPath: string | undefined): number | null {
  if (!eventPath) return null
  try {
    const payload = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { number?: unknown }; number?: unknown }
    const number = payload.pull_request?.number ?? payload.number
    return typeof number === 'number' ? number : null
  } catch {
    return null
  }
}

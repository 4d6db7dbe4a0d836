import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'

// The client @actions/github's getOctokit builds (octokit with the REST methods and
// pagination), composed here from the same packages: @actions/github would also load
// @actions/http-client and undici for a proxy-aware fetch this client never used (its own
// `request.fetch`, Node's fetch, replaced it). See docs/performance.md.
const GitHubOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling)

/** The one GitHub REST client of a run: octokit with the retry and throttling plugins. */
export type GitHubClient = InstanceType<typeof GitHubOctokit>

/** The repository a run works on, as octokit's parameters name it. */
export interface Repository {
  owner: string
  repo: string
}

/** How the client is built. */
export interface ClientOptions {
  token: string
  baseUrl: string
  /** Called with a line to log when GitHub asks us to slow down. */
  warn: (message: string) => void
  /** Retries after a rate limit before giving up (the throttling plugin's retryCount). */
  rateLimitRetries?: number
  /**
   * Scales every wait: retry back-off, `retry-after`, and the spacing between writes that
   * GitHub asks integrations for (1 s; 3 s for writes that notify). 1 against GitHub;
   * the loopback simulation runs with a small fraction so demos and tests take seconds.
   */
  timeScale?: number
  /** `ACTIONS_ORCHESTRATION_ID`: tagged onto the user agent, as @actions/github does. */
  orchestrationId?: string
}

/** Counts the HTTP requests a client sends, retries included, for the log and benchmarks. */
export interface RequestCounter {
  readonly count: number
}

/** Builds the client, and a counter of the HTTP requests it sends. */
export function createGitHubClient(options: ClientOptions): { client: GitHubClient; requests: RequestCounter } {
  const maxRetries = options.rateLimitRetries ?? 2
  const scale = options.timeScale ?? 1
  const counter = { count: 0 }
  if (!options.token) throw new Error('the GitHub token is empty: give the `github-token` input a token (its default is the workflow\'s own)')
  const client = new GitHubOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    ...userAgent(options.orchestrationId),
    // Counted at the fetch, under the retry plugin, so that every attempt counts.
    request: {
      fetch: (url: string | URL | Request, init?: RequestInit) => {
        counter.count++
        return fetch(url, init)
      },
    },
    retry: { retryAfterBaseValue: 1000 * scale },
    throttle: {
      retryAfterBaseValue: 1000 * scale,
      ...(scale === 1 ? {} : spacedGroups(scale)),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        options.warn(`GitHub rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`)
        return retryCount < maxRetries
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        options.warn(`GitHub secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`)
        return retryCount < maxRetries
      },
    },
  })
  return { client, requests: counter }
}

/** The user agent @actions/github sends: `actions_orchestration_id/<id>` when the runner gives one. */
function userAgent(orchestrationId: string | undefined): { userAgent?: string } {
  const id = orchestrationId?.trim()
  return id ? { userAgent: `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` } : {}
}

/** The throttling plugin's write queues (one write at a time, 1 s and 3 s apart), rescaled. */
function spacedGroups(scale: number): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 1000 * scale }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3000 * scale }),
  }
}

/** The message of any thrown value, for logs and warnings. */
export function getErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The HTTP status of an octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

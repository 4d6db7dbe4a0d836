import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'

/** The one GitHub REST client of a run: octokit with the retry and throttling plugins. */
export type GitHubClient = ReturnType<typeof getOctokit>

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
  const client = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
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
    },
    retry,
    throttling,
  )
  return { client, requests: counter }
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

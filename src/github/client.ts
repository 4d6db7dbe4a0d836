import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

/** The one GitHub REST client of a run: octokit with the retry and throttling plugins. */
export type GitHubClient = ReturnType<typeof getOctokit>

/** How the client is built; tests shorten the waits. */
export interface ClientOptions {
  token: string
  baseUrl: string
  /** Called with a line to log when GitHub asks us to slow down. */
  warn: (message: string) => void
  /** Retries after a rate limit before giving up (the throttling plugin's retryCount). */
  rateLimitRetries?: number
}

/** Counts the requests a client sends (retries included), for the run's log line and benchmarks. */
export interface RequestCounter {
  readonly count: number
}

/** Builds the client, and a counter of the HTTP requests it sends. */
export function createGitHubClient(options: ClientOptions): { client: GitHubClient; requests: RequestCounter } {
  const maxRetries = options.rateLimitRetries ?? 2
  const client = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      throttle: {
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
  const counter = { count: 0 }
  client.hook.before('request', () => {
    counter.count++
  })
  return { client, requests: counter }
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

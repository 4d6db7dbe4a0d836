import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { GitHubSim } from '../../test-support/github-sim/index.js'

const TestOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling)

/** The client the tests drive the simulator with. */
export type SimOctokit = InstanceType<typeof TestOctokit>

/** Calls the throttling plugin made, so tests can assert on them. */
export interface ThrottleEvents {
  secondaryRateLimits: number[]
  rateLimits: number[]
}

/**
 * A real octokit with the plugins the action uses, pointed at the simulator.
 * Retry delays are shrunk to milliseconds (the plugins multiply seconds by
 * `retryAfterBaseValue`). Throttling is off unless asked for, because its write queue
 * spaces writes one second apart.
 */
export function simOctokit(sim: GitHubSim, options: { throttled?: boolean; retries?: number } = {}): { octokit: SimOctokit; events: ThrottleEvents } {
  const events: ThrottleEvents = { secondaryRateLimits: [], rateLimits: [] }
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
  const octokit = new TestOctokit({
    baseUrl: sim.url,
    auth: 'ghs_simulated_token',
    log: quiet,
    retry: { retryAfterBaseValue: 1, retries: options.retries ?? 3 },
    throttle: {
      enabled: options.throttled ?? false,
      retryAfterBaseValue: 1,
      onSecondaryRateLimit: (retryAfter: number, _options: object, _octokit: unknown, retryCount: number) => {
        events.secondaryRateLimits.push(retryAfter)
        return retryCount < 2
      },
      onRateLimit: (retryAfter: number, _options: object, _octokit: unknown, retryCount: number) => {
        events.rateLimits.push(retryAfter)
        return retryCount < 2
      },
    },
  })
  return { octokit, events }
}

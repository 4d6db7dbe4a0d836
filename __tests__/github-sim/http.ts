import type { GitHubSim } from '../../test-support/github-sim/index.js'

/** A raw answer of the simulator: status, lower-case headers and the parsed JSON body (or text). */
export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: unknown
}

/**
 * Sends one request without octokit, so a test controls every byte and sees the answer
 * exactly as GitHub's clients would, with no retries in between.
 */
export async function send(sim: GitHubSim, method: string, path: string, body?: unknown): Promise<RawResponse> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: 'token ghs_simulated_token', accept: 'application/vnd.github+json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false
  return { status: response.status, headers: Object.fromEntries(response.headers), body: isJson ? (JSON.parse(text) as unknown) : text }
}

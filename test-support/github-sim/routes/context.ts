import type { Urls } from '../representations.js'
import type { SimResponse } from '../responses.js'
import type { SimState } from '../types.js'

/** Everything a route handler gets: the state and an already validated request. */
export interface RouteContext {
  state: SimState
  urls: Urls
  /** Decoded path parameters, e.g. `{ owner, repo, issue_number }` (strings). */
  params: Record<string, string>
  /** Query parameters converted to their OpenAPI types (`per_page` is a number). */
  query: Record<string, unknown>
  /** The JSON body; `{}` when the request had none. */
  body: Record<string, unknown>
  /** Request headers, lower-case names. */
  headers: Record<string, string>
  /** The full request URL, for pagination links. */
  url: URL
  /** This request's timestamp in GitHub's format. */
  now: string
  /** `documentation_url` for errors of this operation. */
  docsUrl: string
}

/** Answers one OpenAPI operation. Handlers are synchronous and may mutate `state`. */
export type RouteHandler = (context: RouteContext) => SimResponse

/** Reads an integer path parameter the validator has already checked. */
export function intParam(context: RouteContext, name: string): number {
  return Number(context.params[name])
}

/** An answer of a route, before the server adds GitHub's standard headers. */
export interface SimResponse {
  status: number
  /** JSON body; omitted for 204. */
  body?: unknown
  /** A non-JSON body (raw file content, an HTML error page). */
  text?: { contentType: string; content: string }
  headers?: Record<string, string>
}

/** The documentation link GitHub puts in errors it cannot attribute to an operation. */
export const DOCS_URL = 'https://docs.github.com/rest'

/** One entry of a 422 `errors` array. */
export interface GitHubFieldError {
  resource?: string
  field?: string
  code: string
  message?: string
  value?: unknown
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return { status, body, ...(headers ? { headers } : {}) }
}

/** 204 No Content. */
export function noContent(): SimResponse {
  return { status: 204 }
}

/** GitHub's 404, also used for resources the token may not see. */
export function notFound(documentationUrl = DOCS_URL): SimResponse {
  return json(404, { message: 'Not Found', documentation_url: documentationUrl })
}

/** GitHub's 422 with field errors. */
export function validationFailed(errors: GitHubFieldError[], documentationUrl = DOCS_URL): SimResponse {
  return json(422, { message: 'Validation Failed', errors, documentation_url: documentationUrl })
}

/**
 * GitHub refuses issue, pull request and comment bodies over 65,536 characters with this 422
 * (reported in issues against other projects, e.g. googleapis/release-please#1034). Counted
 * here in code points, as GitHub's "characters" are; our renderers measure in UTF-16 code
 * units, which are never fewer, so they stay on the safe side of this.
 */
export const BODY_LIMIT = 65_536

/** The 422 for a body over `BODY_LIMIT`; undefined when the body is within it. */
export function bodyTooLong(body: unknown, resource: 'Issue' | 'IssueComment', documentationUrl = DOCS_URL): SimResponse | undefined {
  if (typeof body !== 'string' || [...body].length <= BODY_LIMIT) return undefined
  return validationFailed([{ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${BODY_LIMIT} characters)` }], documentationUrl)
}

/** Any other GitHub error: `{message, documentation_url}`. */
export function errorResponse(status: number, message: string, documentationUrl = DOCS_URL): SimResponse {
  return json(status, { message, documentation_url: documentationUrl })
}

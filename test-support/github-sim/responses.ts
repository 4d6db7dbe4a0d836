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

/** Any other GitHub error: `{message, documentation_url}`. */
export function errorResponse(status: number, message: string, documentationUrl = DOCS_URL): SimResponse {
  return json(status, { message, documentation_url: documentationUrl })
}

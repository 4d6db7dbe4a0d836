import type { FaultInjector } from './faults.js'
import type { MatchedOperation, OpenApiRouter } from './openapi/router.js'
import type { OpenApiValidator } from './openapi/validator.js'
import { urlsFor } from './representations.js'
import type { RequestLog } from './request-log.js'
import { DOCS_URL, errorResponse, json, notFound, validationFailed } from './responses.js'
import type { SimResponse } from './responses.js'
import { ROUTES } from './routes/index.js'
import { isoSeconds } from './state.js'
import type { SimState, Violation, ViolationKind } from './types.js'

/** The simulator's moving parts, as the request pipeline sees them. */
export interface SimInternals {
  state: SimState
  faults: FaultInjector
  log: RequestLog
  router: OpenApiRouter
  validator: OpenApiValidator
  baseUrl: string
  clock: () => Date
  readOnly: boolean
  validateResponses: boolean
}

/** A request as read off the socket. */
export interface IncomingRequest {
  method: string
  /** Path and query, still percent-encoded. */
  rawUrl: string
  headers: Record<string, string>
  bodyText: string
  requestId: string
}

/** The answer and what to record about it. */
export interface PipelineResult {
  response: SimResponse
  path: string
  query: Record<string, string | string[]>
  body: unknown
  operationId?: string
  route?: string
  fault?: string
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Answers one request the way GitHub would: route, validate, inject faults, check
 * permissions, then act. Requests the real API would reject or that the simulator cannot
 * answer faithfully are also recorded as violations, so tests fail loudly.
 */
export function answer(sim: SimInternals, incoming: IncomingRequest): PipelineResult {
  const url = new URL(incoming.rawUrl, sim.baseUrl)
  const method = incoming.method.toUpperCase()
  const result: PipelineResult = {
    response: notFound(),
    path: safeDecode(url.pathname),
    query: queryRecord(url.searchParams),
    body: undefined,
  }
  const violate = (kind: ViolationKind, message: string, details: string[] = []) => {
    const violation: Violation = { kind, method, path: result.path, message, details }
    if (result.operationId) violation.operationId = result.operationId
    sim.log.violations.push(violation)
  }

  const parsed = parseBody(incoming.bodyText)
  result.body = parsed.value

  const match = sim.router.match(method, url.pathname)
  if ('reason' in match) {
    const hint = match.reason === 'method-not-allowed' ? `${match.template} only allows ${match.allowed.join(', ')}` : 'no such path in the REST API'
    violate('unknown-endpoint', `${method} ${result.path} is not a GitHub REST endpoint`, [hint])
    return { ...result, response: notFound(DOCS_URL) }
  }
  result.operationId = match.operation.operationId
  result.route = match.template
  const docsUrl = match.operation.externalDocs?.url ?? DOCS_URL

  if (!parsed.ok) {
    violate('malformed-json', 'the request body is not valid JSON', [incoming.bodyText.slice(0, 200)])
    return { ...result, response: errorResponse(400, 'Problems parsing JSON', docsUrl) }
  }
  const check = sim.validator.validateRequest(match, { query: result.query, body: parsed.value })
  if (check.problems.length > 0) {
    violate('invalid-request', 'the request does not match the OpenAPI description', check.problems.map((p) => p.message))
    const errors = check.problems.map((p) => ({ resource: p.location, field: p.field, code: p.code, message: p.message }))
    return { ...result, response: validationFailed(errors, docsUrl) }
  }
  if (check.unknownParameters.length > 0) {
    violate('unknown-parameter', 'GitHub would silently ignore part of this request', check.unknownParameters)
  }

  const fault = sim.faults.take({ method, path: result.path, route: match.template }, incoming.requestId)
  if (fault) return { ...result, response: fault.response, fault: fault.label }

  const isWrite = WRITE_METHODS.has(method)
  if (isWrite && sim.readOnly) {
    return { ...result, response: errorResponse(403, 'Resource not accessible by integration', docsUrl), fault: 'read-only' }
  }
  if (isWrite && !incoming.headers.authorization) return { ...result, response: errorResponse(401, 'Requires authentication', docsUrl) }
  if (!isOurRepository(sim.state, match)) return { ...result, response: notFound(docsUrl) }

  const handler = ROUTES[match.operation.operationId]
  if (!handler) {
    violate('not-simulated', `${match.operation.operationId} is a GitHub endpoint the simulator does not implement`)
    return { ...result, response: errorResponse(501, `Not simulated: ${match.operation.operationId}`, docsUrl) }
  }

  const response = handler({
    state: sim.state,
    urls: urlsFor(sim.baseUrl, sim.state),
    params: match.pathParams,
    query: check.typedQuery,
    body: isRecord(parsed.value) ? parsed.value : {},
    headers: incoming.headers,
    url,
    now: isoSeconds(sim.clock()),
    docsUrl,
  })
  if (sim.validateResponses && response.body !== undefined && response.text === undefined) {
    const problems = sim.validator.validateResponse(match, response.status, jsonRoundTrip(response.body))
    if (problems.length > 0) violate('response-schema', `the simulator's ${response.status} answer does not match GitHub's schema`, problems)
  }
  return { ...result, response }
}

/** Answer for a handler that threw: a 500 and a violation, never a crashed test run. */
export function handlerFailure(sim: SimInternals, method: string, path: string, error: unknown): SimResponse {
  const details = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 8) : [String(error)]
  sim.log.violations.push({ kind: 'handler-error', method, path, message: 'the simulator failed while answering', details })
  return json(500, { message: 'Simulator error', documentation_url: DOCS_URL })
}

function isOurRepository(state: SimState, match: MatchedOperation): boolean {
  const { owner, repo } = match.pathParams
  if (owner === undefined || repo === undefined) return true
  return owner.toLowerCase() === state.repo.owner.toLowerCase() && repo.toLowerCase() === state.repo.name.toLowerCase()
}

function parseBody(text: string): { ok: boolean; value: unknown } {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, value: text }
  }
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const [key, value] of params) {
    const existing = query[key]
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return query
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Validates exactly what goes over the wire (no `undefined` properties). */
function jsonRoundTrip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

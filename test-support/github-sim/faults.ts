import { errorResponse, json, validationFailed } from './responses.js'
import type { SimResponse } from './responses.js'
import type { FaultSpec } from './types.js'

/** A registered fault; `remaining` counts down as matching requests consume it. */
export interface FaultHandle {
  readonly spec: FaultSpec
  /** Requests this fault will still answer. */
  readonly remaining: number
  /** Requests it has answered so far. */
  readonly hits: number
}

/** The request facts a fault matches on. */
export interface FaultTarget {
  method: string
  path: string
  /** OpenAPI template of the operation, when the request matched one. */
  route: string | undefined
}

/** GitHub's wording; the throttling plugin recognises a secondary rate limit by "secondary rate". */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID {id}.'

const RATE_LIMIT_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'

interface MutableFault {
  spec: FaultSpec
  remaining: number
  hits: number
}

/** Injected failures, consumed in the order they were registered. */
export class FaultInjector {
  private readonly faults: MutableFault[] = []

  /** Registers a fault; see {@link FaultSpec}. */
  add(spec: FaultSpec): FaultHandle {
    const times = spec.times ?? 1
    if (!(times > 0)) throw new Error(`fault "times" must be positive, got ${times}`)
    const fault: MutableFault = { spec, remaining: times, hits: 0 }
    this.faults.push(fault)
    return fault
  }

  /** Forgets all faults, consumed or not. */
  clear(): void {
    this.faults.length = 0
  }

  /** Consumes the first live fault matching the request and returns its answer. */
  take(target: FaultTarget, requestId: string): { response: SimResponse; label: string } | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && matches(f.spec, target))
    if (!fault) return undefined
    fault.remaining--
    fault.hits++
    return { response: faultResponse(fault.spec, requestId), label: `injected ${String(fault.spec.status)}` }
  }
}

function matches(spec: FaultSpec, target: FaultTarget): boolean {
  if (spec.method && spec.method.toUpperCase() !== target.method) return false
  if (spec.path instanceof RegExp) return spec.path.test(target.path)
  return spec.path === target.path || spec.path === target.route
}

function faultResponse(spec: FaultSpec, requestId: string): SimResponse {
  const retryAfter = { 'retry-after': String(spec.retryAfter ?? 1) }
  switch (spec.status) {
    case 'secondary-rate-limit':
    case 429: {
      const message = spec.message ?? SECONDARY_RATE_LIMIT_MESSAGE.replace('{id}', requestId)
      return json(spec.status === 429 ? 429 : 403, { message, documentation_url: RATE_LIMIT_DOCS }, retryAfter)
    }
    case 500:
      return errorResponse(500, spec.message ?? 'Server Error')
    case 502:
      // GitHub's load balancer answers 502 with an HTML page, not JSON.
      return { status: 502, text: { contentType: 'text/html; charset=utf-8', content: `<html><body><h1>${spec.message ?? '502 Bad Gateway'}</h1></body></html>` } }
    case 404:
      return errorResponse(404, spec.message ?? 'Not Found')
    case 422:
      return validationFailed([{ code: 'custom', message: spec.message ?? 'injected validation failure' }])
  }
}

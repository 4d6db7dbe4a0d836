import { HTTP_METHODS, loadGitHubOpenApi } from './spec.js'
import type { OpenApiDocument, OpenApiOperation, OpenApiParameter } from './spec.js'

/** The OpenAPI operation a request resolved to, with its decoded path parameters. */
export interface MatchedOperation {
  /** The OpenAPI path template, e.g. `/repos/{owner}/{repo}/issues/{issue_number}`. */
  template: string
  method: string
  operation: OpenApiOperation
  /** Every parameter of the operation, with `$ref`s resolved. */
  parameters: OpenApiParameter[]
  pathParams: Record<string, string>
}

/** Why a request matched no operation. */
export type RouteMiss = { reason: 'unknown-path' } | { reason: 'method-not-allowed'; template: string; allowed: string[] }

interface Segment {
  literal?: string
  param?: string
  /** GitHub's `x-multi-segment` marker: the value may contain `/` (file paths, refs). */
  multiSegment?: boolean
}

interface PathTemplate {
  template: string
  segments: Segment[]
  pathItem: Record<string, unknown>
}

/**
 * Resolves `METHOD /raw/path` to an operation of GitHub's OpenAPI description.
 * Literal segments win over parameters (`/issues/comments` is not issue "comments"),
 * and a trailing multi-segment parameter swallows the rest of the path, as GitHub does
 * for `contents/{path}` and `git/trees/{tree_sha}`.
 */
export class OpenApiRouter {
  private readonly templates: PathTemplate[]

  constructor(private readonly document: OpenApiDocument = loadGitHubOpenApi()) {
    this.templates = Object.entries(document.paths).map(([template, pathItem]) => ({
      template,
      pathItem,
      segments: parseTemplate(template, this.allParameters(pathItem, undefined)),
    }))
  }

  /** Finds the operation for a request path (still percent-encoded, without query). */
  match(method: string, rawPath: string): MatchedOperation | RouteMiss {
    const requestSegments = rawPath.replace(/\/+$/, '').split('/').slice(1)
    let best: { template: PathTemplate; params: Record<string, string>; score: string } | undefined
    for (const template of this.templates) {
      const params = matchSegments(template.segments, requestSegments)
      if (!params) continue
      const score = template.segments.map((s) => (s.literal !== undefined ? '0' : s.multiSegment ? '2' : '1')).join('')
      if (!best || score < best.score) best = { template, params, score }
    }
    if (!best) return { reason: 'unknown-path' }

    const operation = best.template.pathItem[method.toLowerCase()] as OpenApiOperation | undefined
    if (!operation) {
      const allowed = HTTP_METHODS.filter((m) => m in best.template.pathItem).map((m) => m.toUpperCase())
      return { reason: 'method-not-allowed', template: best.template.template, allowed }
    }
    return {
      template: best.template.template,
      method: method.toUpperCase(),
      operation,
      parameters: this.allParameters(best.template.pathItem, operation),
      pathParams: best.params,
    }
  }

  /** Path-item parameters overridden by operation parameters, as OpenAPI specifies. */
  private allParameters(pathItem: Record<string, unknown>, operation: OpenApiOperation | undefined): OpenApiParameter[] {
    const byKey = new Map<string, OpenApiParameter>()
    const refs = [...((pathItem.parameters as OpenApiOperation['parameters']) ?? []), ...(operation?.parameters ?? [])]
    for (const entry of refs) {
      const parameter = this.resolveParameter(entry)
      byKey.set(`${parameter.in}:${parameter.name}`, parameter)
    }
    if (!operation) {
      // For the route table, path parameters of every operation under this path matter.
      for (const method of HTTP_METHODS) {
        const op = pathItem[method] as OpenApiOperation | undefined
        for (const entry of op?.parameters ?? []) {
          const parameter = this.resolveParameter(entry)
          if (parameter.in === 'path') byKey.set(`path:${parameter.name}`, parameter)
        }
      }
    }
    return [...byKey.values()]
  }

  private resolveParameter(entry: OpenApiParameter | { $ref: string }): OpenApiParameter {
    if (!('$ref' in entry)) return entry
    const name = entry.$ref.replace('#/components/parameters/', '')
    const parameter = this.document.components.parameters[name]
    if (!parameter) throw new Error(`Unresolvable parameter reference ${entry.$ref}`)
    return parameter
  }
}

function parseTemplate(template: string, parameters: OpenApiParameter[]): Segment[] {
  const multi = new Set(parameters.filter((p) => p.in === 'path' && p['x-multi-segment']).map((p) => p.name))
  return template.split('/').slice(1).map((segment) => {
    const param = /^\{([^}]+)\}$/.exec(segment)?.[1]
    if (param === undefined) return { literal: segment }
    return multi.has(param) ? { param, multiSegment: true } : { param }
  })
}

function matchSegments(segments: Segment[], request: string[]): Record<string, string> | undefined {
  const last = segments[segments.length - 1]
  const greedyTail = last?.multiSegment === true
  if (greedyTail ? request.length < segments.length : request.length !== segments.length) return undefined

  const params: Record<string, string> = {}
  for (const [index, segment] of segments.entries()) {
    const isTail = greedyTail && index === segments.length - 1
    const raw = isTail ? request.slice(index).join('/') : (request[index] ?? '')
    if (raw === '') return undefined
    if (segment.literal !== undefined) {
      if (segment.literal !== raw) return undefined
      continue
    }
    const value = safeDecode(raw)
    if (value === undefined) return undefined
    params[segment.param ?? ''] = value
  }
  return params
}

function safeDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** A JSON Schema or OpenAPI Schema Object, kept loose on purpose: it is data we walk, not code. */
export type SchemaObject = { [keyword: string]: unknown }

/** An OpenAPI 3.0 Parameter Object (after `$ref` resolution). */
export interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: SchemaObject
  'x-multi-segment'?: boolean
}

/** An OpenAPI 3.0 Operation Object, reduced to what the simulator reads. */
export interface OpenApiOperation {
  operationId: string
  summary?: string
  parameters?: Array<OpenApiParameter | { $ref: string }>
  requestBody?: {
    required?: boolean
    content?: Record<string, { schema?: SchemaObject }>
  }
  responses?: Record<string, { content?: Record<string, { schema?: SchemaObject }> }>
  externalDocs?: { url?: string }
}

/** The parts of GitHub's OpenAPI description the simulator needs. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>
  components: {
    schemas: Record<string, SchemaObject>
    parameters: Record<string, OpenApiParameter>
  }
}

/** HTTP methods an OpenAPI Path Item may hold operations for. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

let cached: OpenApiDocument | undefined

/**
 * GitHub's official REST description for api.github.com, from `@octokit/openapi`.
 * Read once per process and only when first needed: the file is about 13 MB.
 */
export function loadGitHubOpenApi(): OpenApiDocument {
  if (!cached) {
    const require = createRequire(import.meta.url)
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
    cached = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument
  }
  return cached
}

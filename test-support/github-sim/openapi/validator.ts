import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { openApiToJsonSchema } from './schema-conversion.js'
import { loadGitHubOpenApi } from './spec.js'
import type { OpenApiDocument, OpenApiParameter, SchemaObject } from './spec.js'
import type { MatchedOperation } from './router.js'

/** One reason a request does not conform to GitHub's OpenAPI description. */
export interface RequestProblem {
  location: 'path' | 'query' | 'body'
  /** Dotted location of the value, e.g. `labels` or `labels.0`; empty for the whole body. */
  field: string
  /** GitHub's error codes: `missing_field` for required values, `invalid` otherwise. */
  code: 'invalid' | 'missing_field'
  message: string
}

/** What the OpenAPI description says about a request. */
export interface RequestCheck {
  /** Schema violations; GitHub would answer 422. */
  problems: RequestProblem[]
  /** Query parameters or top-level body properties the operation does not define (GitHub ignores them). */
  unknownParameters: string[]
  /** The request's query and path parameters converted to the types their schemas declare. */
  typedQuery: Record<string, unknown>
}

/** The parts of a request the validator looks at. */
export interface RequestToValidate {
  query: Record<string, string | string[]>
  /** Parsed JSON body, or `undefined` when the request had none. */
  body: unknown
}

const COMPONENTS_ID = 'https://api.github.com/openapi/components.json'
const JSON_MEDIA_TYPE = 'application/json'

/**
 * Validates requests (and the simulator's own responses) against GitHub's OpenAPI
 * description with ajv. Component schemas are converted once; validators are compiled
 * on first use and cached per operation, so a test pays only for what it touches.
 */
export class OpenApiValidator {
  private readonly ajv: Ajv
  private readonly cache = new Map<string, ValidateFunction | null>()

  constructor(private readonly document: OpenApiDocument = loadGitHubOpenApi()) {
    this.ajv = createAjv(document)
  }

  /** Checks path parameters, query parameters and the JSON body of a request. */
  validateRequest(match: MatchedOperation, request: RequestToValidate): RequestCheck {
    const problems: RequestProblem[] = []
    const typedQuery: Record<string, unknown> = {}

    const pathValues = typedParameters(match.parameters, 'path', match.pathParams, this.document)
    problems.push(...this.checkParameters(match, 'path', pathValues))

    const queryValues = typedParameters(match.parameters, 'query', request.query, this.document)
    problems.push(...this.checkParameters(match, 'query', queryValues))
    Object.assign(typedQuery, queryValues)

    const knownQuery = new Set(match.parameters.filter((p) => p.in === 'query').map((p) => p.name))
    const unknownParameters = Object.keys(request.query)
      .filter((name) => !knownQuery.has(name))
      .map((name) => `query parameter "${name}"`)

    const bodyCheck = this.checkBody(match, request.body)
    problems.push(...bodyCheck.problems)
    unknownParameters.push(...bodyCheck.unknown)
    return { problems, unknownParameters, typedQuery }
  }

  /**
   * Checks a JSON response body against the schema documented for its status.
   * Returns readable problems; none when the status documents no JSON schema.
   */
  validateResponse(match: MatchedOperation, status: number, body: unknown): string[] {
    const validate = this.compiled(`${match.operation.operationId}:response:${status}`, () => {
      const content = match.operation.responses?.[String(status)]?.content
      return content?.[JSON_MEDIA_TYPE]?.schema
    })
    if (!validate || validate(body)) return []
    return (validate.errors ?? []).map((error) => `${pointerToField(error.instancePath) || '(response)'} ${describe(error)}`)
  }

  private checkParameters(match: MatchedOperation, location: 'path' | 'query', values: Record<string, unknown>): RequestProblem[] {
    const validate = this.compiled(`${match.operation.operationId}:${location}`, () => parametersSchema(match.parameters, location))
    if (!validate || validate(values)) return []
    return toProblems(location, validate.errors)
  }

  private checkBody(match: MatchedOperation, body: unknown): { problems: RequestProblem[]; unknown: string[] } {
    const requestBody = match.operation.requestBody
    const schema = requestBody?.content?.[JSON_MEDIA_TYPE]?.schema
    if (body === undefined) {
      const problems: RequestProblem[] = requestBody?.required
        ? [{ location: 'body', field: '', code: 'missing_field', message: 'a JSON request body is required' }]
        : []
      return { problems, unknown: [] }
    }
    if (!schema) return { problems: [], unknown: ['a request body (the operation takes none)'] }

    const validate = this.compiled(`${match.operation.operationId}:body`, () => schema)
    const problems = validate && !validate(body) ? toProblems('body', validate.errors) : []
    return { problems, unknown: unknownBodyProperties(this.resolve(schema), body) }
  }

  private compiled(key: string, schemaOf: () => SchemaObject | undefined): ValidateFunction | undefined {
    if (!this.cache.has(key)) {
      const schema = schemaOf()
      this.cache.set(key, schema ? this.ajv.compile(openApiToJsonSchema(schema, componentRef)) : null)
    }
    return this.cache.get(key) ?? undefined
  }

  private resolve(schema: SchemaObject): SchemaObject {
    const ref = schema.$ref
    if (typeof ref !== 'string') return schema
    return this.document.components.schemas[ref.replace('#/components/schemas/', '')] ?? {}
  }
}

let shared: OpenApiValidator | undefined

/** The process-wide validator: the description and compiled validators are shared by every simulator. */
export function sharedValidator(): OpenApiValidator {
  shared ??= new OpenApiValidator()
  return shared
}

function createAjv(document: OpenApiDocument): Ajv {
  // strictSchema stays on: the conversion removes every OpenAPI-only keyword, so an
  // unknown keyword here is a bug, not noise. strictTypes is off because OpenAPI
  // routinely writes `properties` without `type: object`.
  const ajv = new Ajv({ allErrors: true, strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false })
  addFormats.default(ajv)
  // GitHub's own format: a repository's "name with owner".
  ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/)

  const definitions: Record<string, SchemaObject> = {}
  for (const [name, schema] of Object.entries(document.components.schemas)) {
    definitions[name] = openApiToJsonSchema(schema, componentRef)
  }
  // OpenAPI treats formats it does not know as annotations; so does the simulator.
  for (const format of collectFormats(definitions)) {
    if (!ajv.formats[format]) ajv.addFormat(format, true)
  }
  ajv.addSchema({ $id: COMPONENTS_ID, definitions })
  return ajv
}

function componentRef(ref: string): string {
  const prefix = '#/components/schemas/'
  if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${ref}`)
  return `${COMPONENTS_ID}#/definitions/${ref.slice(prefix.length)}`
}

function collectFormats(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectFormats(item, found)
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'format' && typeof child === 'string') found.add(child)
      else collectFormats(child, found)
    }
  }
  return found
}

function parametersSchema(parameters: OpenApiParameter[], location: 'path' | 'query'): SchemaObject | undefined {
  const relevant = parameters.filter((p) => p.in === location)
  if (relevant.length === 0) return undefined
  return {
    type: 'object',
    properties: Object.fromEntries(relevant.map((p) => [p.name, p.schema ?? {}])),
    required: relevant.filter((p) => p.required).map((p) => p.name),
  }
}

/**
 * Query and path values arrive as strings; convert them to what the parameter schema
 * declares (integer, boolean, comma-separated array) before validating, as GitHub does.
 * A value that does not convert stays a string and fails validation.
 */
function typedParameters(
  parameters: OpenApiParameter[],
  location: 'path' | 'query',
  raw: Record<string, string | string[]>,
  document: OpenApiDocument,
): Record<string, unknown> {
  const typed: Record<string, unknown> = {}
  for (const parameter of parameters.filter((p) => p.in === location)) {
    const value = raw[parameter.name]
    if (value === undefined) continue
    typed[parameter.name] = convert(value, resolveSchema(parameter.schema ?? {}, document))
  }
  return typed
}

function convert(value: string | string[], schema: SchemaObject): unknown {
  const type = schema.type
  if (type === 'array') {
    const items = Array.isArray(value) ? value : value.split(',')
    return items.map((item) => convert(item, (schema.items as SchemaObject | undefined) ?? {}))
  }
  if (Array.isArray(value)) return value // repeated scalar parameter: let the schema reject it
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

function resolveSchema(schema: SchemaObject, document: OpenApiDocument): SchemaObject {
  return typeof schema.$ref === 'string' ? (document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}) : schema
}

function unknownBodyProperties(schema: SchemaObject, body: unknown): string[] {
  const properties = schema.properties
  if (!properties || typeof properties !== 'object' || !body || typeof body !== 'object' || Array.isArray(body)) return []
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return []
  return Object.keys(body)
    .filter((key) => !(key in properties))
    .map((key) => `body property "${key}"`)
}

function toProblems(location: RequestProblem['location'], errors: ErrorObject[] | null | undefined): RequestProblem[] {
  return (errors ?? []).map((error) => {
    const base = pointerToField(error.instancePath)
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty?: unknown }).missingProperty)
      return { location, field: base ? `${base}.${missing}` : missing, code: 'missing_field', message: `${location} is missing "${missing}"` }
    }
    return { location, field: base, code: 'invalid', message: `${location}${base ? ` "${base}"` : ''} ${describe(error)}` }
  })
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  if (error.keyword === 'enum') return `must be one of ${JSON.stringify(params.allowedValues)}`
  if (error.keyword === 'additionalProperties') return `must not have property "${String(params.additionalProperty)}"`
  return error.message ?? error.keyword
}

function pointerToField(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
}

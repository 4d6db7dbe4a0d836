import type { SchemaObject } from './spec.js'

/**
 * Turns OpenAPI 3.0 Schema Objects into JSON Schema (draft-07) that ajv can compile in
 * strict mode. OpenAPI 3.0 is a dialect, not JSON Schema, so a few keywords must be
 * translated rather than ignored:
 *
 * - `nullable: true` becomes a `null` type (or an `anyOf` with `null` when there is no
 *   `type`, e.g. next to `oneOf`), and `null` joins a nullable `enum`.
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric draft-07 form.
 * - `$ref` siblings are dropped (OpenAPI 3.0 ignores them) and component references are
 *   pointed at the shared components schema registered in ajv.
 * - annotation-only keywords (`example`, `discriminator`, `xml`, `externalDocs`, `x-*`)
 *   are dropped; `discriminator` only narrows a `oneOf`, which is still validated.
 *
 * Anything else that is unknown throws, so a new OpenAPI feature cannot silently
 * weaken validation.
 */
export function openApiToJsonSchema(schema: SchemaObject, rewriteRef: (ref: string) => string): SchemaObject {
  if (typeof schema.$ref === 'string') return { $ref: rewriteRef(schema.$ref) }

  const out: SchemaObject = {}
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword.startsWith('x-') || DROPPED_KEYWORDS.has(keyword) || keyword === 'nullable') continue
    if (COPIED_KEYWORDS.has(keyword)) out[keyword] = value
    else if (keyword === 'properties') out.properties = mapValues(value as Record<string, SchemaObject>, (s) => openApiToJsonSchema(s, rewriteRef))
    else if (keyword === 'items' || keyword === 'not') out[keyword] = openApiToJsonSchema(value as SchemaObject, rewriteRef)
    else if (keyword === 'additionalProperties') {
      out.additionalProperties = typeof value === 'boolean' ? value : openApiToJsonSchema(value as SchemaObject, rewriteRef)
    } else if (keyword === 'allOf' || keyword === 'anyOf' || keyword === 'oneOf') {
      out[keyword] = (value as SchemaObject[]).map((s) => openApiToJsonSchema(s, rewriteRef))
    } else if (keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') {
      const bound = keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum'
      if (value === true && typeof schema[bound] === 'number') out[keyword] = schema[bound]
    } else {
      throw new Error(`Unsupported OpenAPI schema keyword "${keyword}" in ${JSON.stringify(schema).slice(0, 200)}`)
    }
  }
  // draft-07 forbids `minimum` next to a numeric `exclusiveMinimum` meaning the same bound.
  if (typeof out.exclusiveMinimum === 'number') delete out.minimum
  if (typeof out.exclusiveMaximum === 'number') delete out.maximum

  return schema.nullable === true ? makeNullable(out) : out
}

/** Keywords whose value is the same in OpenAPI 3.0 and JSON Schema draft-07. */
const COPIED_KEYWORDS = new Set([
  'type', 'format', 'enum', 'const', 'default', 'required', 'title', 'description',
  'minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'pattern',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
  'readOnly', 'writeOnly', 'deprecated',
])

/** OpenAPI annotations with no validation meaning. */
const DROPPED_KEYWORDS = new Set(['example', 'examples', 'discriminator', 'xml', 'externalDocs'])

function makeNullable(schema: SchemaObject): SchemaObject {
  const type = schema.type
  if (typeof type === 'string') {
    const enumValues = Array.isArray(schema.enum) && !schema.enum.includes(null) ? [...schema.enum, null] : schema.enum
    return { ...schema, type: [type, 'null'], ...(enumValues ? { enum: enumValues } : {}) }
  }
  return { anyOf: [{ type: 'null' }, schema] }
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]))
}

import type { ErrorObject } from 'ajv'
import configSchema from '../../schemas/config.schema.json' with { type: 'json' }
import { truncate } from '../markup/escape.js'
import { didYouMean } from './did-you-mean.js'

/**
 * One thing wrong in a configuration file, as a sentence that names the key, quotes what was
 * written and says what is allowed, e.g. `profiles.weekly.rules.title-date` is “eror”; it must be
 * one of error, warning, info, off; did you mean “error”? `path` leads to the value (or, with
 * `key`, to the mapping holding the misspelt key) so the caller can give its line and column.
 */
export interface SchemaProblem {
  message: string
  path: string[]
  key?: string
}

/** ajv's errors for schemas/config.schema.json as problems; the written value is the file's, so quoted untrusted. */
export function schemaProblems(errors: readonly ErrorObject[], value: unknown): SchemaProblem[] {
  // `if` and `propertyNames` only say that a branch or a name failed; the inner errors say why.
  // `anyOf` is said once, with the kinds its branches take, in place of each branch's type error.
  const anyOf = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath))
  return errors
    .filter((error) => error.keyword !== 'if' && error.keyword !== 'propertyNames')
    .filter((error) => !(error.keyword === 'type' && error.schemaPath.includes('/anyOf/') && anyOf.has(error.instancePath)))
    .map((error) => {
      const path = pointerParts(error.instancePath)
      const key = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : (error as { propertyName?: string }).propertyName
      const message = describe(error, errors, value, path)
      return key === undefined ? { message, path } : { message, path, key }
    })
}

/** A key as the file's reader writes it: `profiles.weekly.paths[0]`, list indexes in brackets. */
function keyPath(path: readonly string[]): string {
  return path.reduce((written, part) => (/^\d+$/u.test(part) ? `${written}[${part}]` : written === '' ? part : `${written}.${part}`), '')
}

function describe(error: ErrorObject, errors: readonly ErrorObject[], value: unknown, path: readonly string[]): string {
  const key = truncate(keyPath(path), 120) || '(top level)'
  const propertyName = (error as { propertyName?: string }).propertyName
  const data = propertyName ?? valueAt(value, path)
  const subject = propertyName === undefined ? `\`${key}\` is ${shown(data)}` : `\`${key}\` has the key ${quote(propertyName)}`
  switch (error.keyword) {
    case 'maximum':
    case 'exclusiveMaximum':
    case 'minimum':
    case 'exclusiveMinimum': {
      // A budget raised past its cap says what was asked and what is allowed (issue 17).
      const bound = error.params as { comparison: string; limit: number }
      const most = error.keyword.endsWith('aximum') ? 'at most' : 'at least'
      const more = error.keyword.startsWith('exclusive') ? (most === 'at most' ? 'less than' : 'more than') : most
      return `${subject}; it must be ${more} ${bound.limit}`
    }
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty)
      const where = truncate(key === '(top level)' ? extra : `${key}.${extra}`, 120)
      const allowed = knownKeys(path, value)
      const known = allowed.length === 0 ? '' : ` (known ${key.endsWith('.rules') ? 'rules' : 'keys'}: ${allowed.join(', ')})`
      const guess = didYouMean(extra, allowed)
      return `\`${where}\` is not a known key${known}${guess ? `; did you mean \`${guess}\`?` : ''}`
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String)
      const guess = typeof data === 'string' ? didYouMean(data, allowed) : undefined
      return `${subject}; it must be one of ${allowed.join(', ')}${guess ? `; did you mean “${guess}”?` : ''}`
    }
    case 'type': {
      // A rule's setting is a level or a mapping (`if: {type: string}` … `else: {type: object}`).
      if (error.schemaPath.endsWith('/else/type')) return `\`${key}\` is ${typed(data)}; it must be a level (error, warning, info, off) or a mapping such as {level: error}`
      return `\`${key}\` is ${typed(data)}; it must be ${kinds(error.params.type)}`
    }
    case 'anyOf': {
      const branches = errors.filter((other) => other.keyword === 'type' && other.instancePath === error.instancePath && other.schemaPath.includes('/anyOf/'))
      if (branches.length === 0) return `\`${key}\` ${error.message ?? 'is invalid'}`
      return `\`${key}\` is ${typed(data)}; it must be ${kinds(branches.flatMap((branch) => branch.params.type as string | string[]))}`
    }
    case 'pattern':
      return `${subject}; it must be ${PATTERNS[String(error.params.pattern)] ?? `matched by the pattern ${String(error.params.pattern)}`}`
    case 'minLength':
    case 'minItems': {
      const limit = Number(error.params.limit)
      const unit = error.keyword === 'minLength' ? 'characters' : 'entries'
      return `${subject}; it must ${limit === 1 ? 'not be empty' : `have at least ${limit} ${unit}`}`
    }
    case 'maxLength':
    case 'maxItems':
      return `${subject}; it must have at most ${Number(error.params.limit)} ${error.keyword === 'maxLength' ? 'characters' : 'entries'}`
    case 'format':
      return error.params.format === 'date' ? `${subject}; it must be a date written YYYY-MM-DD` : `${subject}; it ${error.message ?? 'is invalid'}`
    case 'required':
      return `\`${key}\` must have the key \`${String(error.params.missingProperty)}\``
    default:
      return `\`${key}\` ${error.message ?? 'is invalid'}`
  }
}

/** What the schema's patterns mean, in words (the pattern itself for any other). */
const PATTERNS: Record<string, string> = {
  '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$': 'written OWNER/REPO, e.g. acme/minutes',
  YYYY: 'a pattern holding YYYY, MM and DD',
  '^[A-Za-z0-9_-]+$': 'made of letters, digits, - and _',
  '\\{series\\}': 'a label holding {series}',
  '^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$': 'a GitHub login (letters, digits and single hyphens, at most 39)',
  '^[A-Za-z0-9.-]+(:[0-9]{1,5})?$': 'a host name, with :PORT when not the default',
  '^[^/\\\\]': 'a relative folder (not starting with / or \\)',
}

const KINDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'null',
}

function kinds(type: unknown): string {
  return [...new Set([type].flat().map((kind) => KINDS[String(kind)] ?? String(kind)))].join(' or ')
}

/** A written value for a message: text quoted and cut short (it is the file's, maybe a pull request's), a number as written. */
function shown(data: unknown): string {
  if (typeof data === 'string') return quote(data)
  if (data === null || data === undefined) return 'empty (null)'
  if (Array.isArray(data)) return 'a list'
  if (typeof data === 'object') return 'a mapping'
  return String(data)
}

/** Like `shown`, saying that a text is one (where the kind is what is wrong: `"3"` for a number). */
function typed(data: unknown): string {
  return typeof data === 'string' ? `the string ${shown(data)}` : shown(data)
}

function quote(text: string): string {
  return `“${truncate(text, 60)}”`
}

/** The parts of a JSON pointer (`/profiles/weekly` → profiles, weekly). */
function pointerParts(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value
  for (const part of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined
  return at
}

interface Schema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  items?: Schema
  anyOf?: Schema[]
  if?: Schema
  then?: Schema
  else?: Schema
}

const ROOT = configSchema as unknown as Schema & { definitions: Record<string, Schema> }

/** The keys the schema allows in the mapping at `path` (for "did you mean" on a misspelt key). */
function knownKeys(path: readonly string[], value: unknown): string[] {
  let data = value
  let schema: Schema | undefined = branchFor(ROOT, data)
  for (const part of path) {
    data = valueAt(data, [part])
    const next: Schema | undefined = schema?.properties?.[part] ?? (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : schema?.items)
    schema = next && branchFor(next, data)
  }
  return Object.keys(schema?.properties ?? {})
}

/** The schema that applies to `data`: `$ref` followed, `if` / `anyOf` decided by the kind of value. */
function branchFor(schema: Schema, data: unknown): Schema | undefined {
  if (schema.$ref) {
    const target = ROOT.definitions[schema.$ref.replace('#/definitions/', '')]
    return target && branchFor(target, data)
  }
  if (schema.if && schema.then && schema.else) return branchFor(isKind(data, schema.if.type) ? schema.then : schema.else, data)
  if (schema.anyOf) {
    const branch = schema.anyOf.find((option) => isKind(data, option.type))
    return branch && branchFor(branch, data)
  }
  return schema
}

function isKind(data: unknown, type: Schema['type']): boolean {
  const kind = data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data
  return [type].flat().some((wanted) => wanted === kind || (wanted === 'integer' && Number.isInteger(data)))
}

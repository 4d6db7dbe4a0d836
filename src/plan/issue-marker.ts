import type { ValidateFunction } from 'ajv'
import validators from '../schemas/validators.cjs'

/** What identifies an action item across meetings; hidden in the body of its issue. */
export interface ItemIdentity {
  v: 1
  /** The item's fingerprint when the issue was made. */
  id: string
  /** The meeting series: the folder of the minutes (`iaas`). */
  series: string
  owners: string[]
  text: string
  /** The meeting's date when the issue was made (absent in markers written before the dashboard). */
  date?: string
  /** The item's due date when the issue was made. */
  due?: string
}

const PREFIX = '<!-- minutes-automation:action-item:'
const SUFFIX = ' -->'

/**
 * The hidden marker for an issue body. Standard base64 has neither `-` nor `>`, so no text
 * of the item can end the HTML comment early or forge another marker.
 */
export function issueMarker(identity: ItemIdentity): string {
  return `${PREFIX}${Buffer.from(JSON.stringify(identity), 'utf8').toString('base64')}${SUFFIX}`
}

/** schemas/issue-marker.schema.json, compiled at build time (scripts/compile-schemas.js). */
const validateIdentity = validators.validateIssueMarker as ValidateFunction<ItemIdentity>

/** The identity in an issue body; null when there is no valid marker (an issue made by hand). */
export function readIssueMarker(body: string | null | undefined): ItemIdentity | null {
  if (!body) return null
  const start = body.indexOf(PREFIX)
  if (start < 0) return null
  const end = body.indexOf(SUFFIX, start + PREFIX.length)
  if (end < 0) return null
  try {
    const value: unknown = JSON.parse(Buffer.from(body.slice(start + PREFIX.length, end), 'base64').toString('utf8'))
    return validateIdentity(value) ? value : null
  } catch {
    return null
  }
}

import { createHash } from 'node:crypto'
import { normaliseText } from './text.js'

/**
 * A stable id for an item: the first 12 hex digits of SHA-256 over its owners (sorted) and
 * its normalised text. Case, punctuation, emphasis and spacing do not change it; a changed
 * word does (`matchItems` recognises such edits across meetings).
 */
export function fingerprint(owners: readonly string[], text: string): string {
  const people = [...new Set(owners.map((owner) => owner.toLowerCase()))].sort().join(' ')
  return createHash('sha256').update(`${people}\n${normaliseText(text)}`).digest('hex').slice(0, 12)
}

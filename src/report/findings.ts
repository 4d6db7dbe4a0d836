import type { Severity } from '../constants.js'
import type { Finding } from './types.js'

/** Counts findings by severity. */
export function countFindings(findings: Iterable<Finding>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const finding of findings) counts[finding.severity]++
  return counts
}

/** `1 error, 2 warnings`, and the notes when there are any: the totals every report states. */
export function describeCounts(counts: Record<Severity, number>): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')]
  if (counts.info > 0) parts.push(plural(counts.info, 'note'))
  return parts.join(', ')
}

/** `1 file`, `2 files`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

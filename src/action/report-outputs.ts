import type { RunReport } from '../report/types.js'

/** GitHub's limit for one step output is 1 MB; we stay well below it, other outputs need room too. */
export const FINDINGS_OUTPUT_LIMIT = 900_000

/** The `findings` output: the report, or as much of it as fits, flagged when cut. */
export type FindingsOutput = RunReport & {
  /** Present when files were left out to stay under the output limit; the report file has them all. */
  truncated?: { omittedFiles: number; reportFile: string | null }
}

/**
 * The report as JSON for the `findings` output, at most `limit` bytes. When the whole report
 * is larger, files are kept in order (those with findings first) while they fit, and
 * `truncated` says how many were left out and where the full report is. Totals stay whole.
 */
export function findingsOutput(report: RunReport, reportFile: string | null, limit = FINDINGS_OUTPUT_LIMIT): { json: string; truncated: boolean } {
  const whole = JSON.stringify(report)
  if (Buffer.byteLength(whole) <= limit) return { json: whole, truncated: false }
  const ranked = [...report.files].sort((a, b) => Number(b.findings.length > 0) - Number(a.findings.length > 0))
  const shell: FindingsOutput = { ...report, files: [], truncated: { omittedFiles: report.files.length, reportFile } }
  // Room for the shell with the largest possible count, then each file and its comma.
  let used = Buffer.byteLength(JSON.stringify({ ...shell, truncated: { omittedFiles: Number.MAX_SAFE_INTEGER, reportFile } }))
  const kept: RunReport['files'] = []
  for (const file of ranked) {
    const size = Buffer.byteLength(JSON.stringify(file)) + 1
    if (used + size > limit) continue
    used += size
    kept.push(file)
  }
  const keptSet = new Set(kept)
  const files = report.files.filter((file) => keptSet.has(file))
  return { json: JSON.stringify({ ...report, files, truncated: { omittedFiles: report.files.length - files.length, reportFile } } satisfies FindingsOutput), truncated: true }
}

import { cell, code, tableCode } from '../markup/escape.js'
import { countFindings, describeCounts, plural } from '../report/findings.js'
import type { FileReport, RunReport } from '../report/types.js'
import type { Severity } from '../constants.js'

/** The job summary stays under this many bytes; longer summaries become a digest. */
export const JOB_SUMMARY_LIMIT = 16_000
/** Rows of the digest's tables. */
const WORST_FILES = 10
const FOLDER_ROWS = 40

type Counts = Record<Severity, number>

/**
 * The job summary: the full summary when it is short, else a digest of it: totals per rule
 * and per folder, the files with the most findings, and where the full list is.
 */
export function jobSummary(full: string, report: RunReport, reportFile: string | null, limit = JOB_SUMMARY_LIMIT, plan: string[] = []): string {
  if (Buffer.byteLength(full) <= limit) return full
  return renderDigest(report, reportFile, plan)
}

/** The digest of a large run; its size depends on the number of rules and folders, not of findings. */
export function renderDigest(report: RunReport, reportFile: string | null, plan: string[] = []): string {
  const counts = countFindings(report.files.flatMap((file) => file.findings))
  const mark = counts.error > 0 ? '❌' : counts.warning > 0 ? '⚠️' : '✅'
  const suppressed = report.summary.suppressed ? ` (${report.summary.suppressed} of the notes suppressed)` : ''
  const lines = [
    '## Minutes check',
    '',
    `${mark} **${describeCounts(counts)}** in ${plural(report.summary.files, 'minutes file')}${suppressed}. This is a digest: the full list is too long for a job summary.`,
    '',
    '### By rule',
    '',
    '| Rule | Errors | Warnings | Notes |',
    '|---|---:|---:|---:|',
    ...sortedRows(tally(report.files, (file) => file.findings.map((finding) => finding.rule))).map(([rule, c]) => `| ${tableCode(rule)} | ${c.error} | ${c.warning} | ${c.info} |`),
    '',
  ]
  const folders = sortedRows(tally(report.files, (file) => file.findings.map(() => folderOf(file.path))))
  lines.push('### By folder', '', '| Folder | Errors | Warnings | Notes |', '|---|---:|---:|---:|')
  for (const [folder, c] of folders.slice(0, FOLDER_ROWS)) lines.push(`| ${cell(folder)} | ${c.error} | ${c.warning} | ${c.info} |`)
  if (folders.length > FOLDER_ROWS) lines.push(`| _${plural(folders.length - FOLDER_ROWS, 'more folder')}_ | | | |`)
  lines.push('')
  const worst = sortedRows(tally(report.files, (file) => file.findings.map(() => file.path))).slice(0, WORST_FILES)
  if (worst.length > 0) {
    lines.push(`### The ${plural(worst.length, 'file')} with the most findings`, '', '| File | Errors | Warnings | Notes |', '|---|---:|---:|---:|')
    for (const [path, c] of worst) lines.push(`| ${cell(path)} | ${c.error} | ${c.warning} | ${c.info} |`)
    lines.push('')
  }
  // What the run did with action items: the plan's counts, without its table.
  lines.push(...plan)
  lines.push('### The full list', '')
  if (reportFile) {
    lines.push(`- The whole report as JSON: the \`report-file\` output (${code(reportFile)}); keep it with \`actions/upload-artifact\` and \`path: \${{ steps.<id>.outputs.report-file }}\`.`)
  }
  lines.push('- Every finding is in the step\'s log (`path:line:column severity message rule`), and in the `findings` output (cut, and flagged `truncated`, when over 1 MB).', '')
  return lines.join('\n')
}

/** The folder of a path, or `(root)`. */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '(root)' : path.slice(0, slash)
}

/** Counts findings by severity under the keys `keysOf` gives each finding of each file. */
function tally(files: readonly FileReport[], keysOf: (file: FileReport) => string[]): Map<string, Counts> {
  const rows = new Map<string, Counts>()
  for (const file of files) {
    const keys = keysOf(file)
    file.findings.forEach((finding, index) => {
      const key = keys[index] ?? ''
      const counts = rows.get(key) ?? { error: 0, warning: 0, info: 0 }
      counts[finding.severity]++
      rows.set(key, counts)
    })
  }
  return rows
}

/** Worst first: errors, then warnings, then notes, then the name. */
function sortedRows(rows: Map<string, Counts>): Array<[string, Counts]> {
  return [...rows].sort(([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.info - x.info || (a < b ? -1 : a > b ? 1 : 0))
}

import { logLine } from '../markup/log-line.js'
import { countFindings, describeCounts, plural } from './findings.js'
import type { RunReport } from './types.js'

/**
 * The familiar one-line-per-finding format: `path:line:col  severity  message  rule`,
 * then a total. Clickable in editors and terminals. A path or message from the minutes that
 * holds a line break stays on its finding's line, escaped (see `logLine`).
 */
export function formatText(report: RunReport): string {
  const lines: string[] = []
  for (const file of report.files) {
    for (const finding of file.findings) {
      const severity = finding.suppressed ? `${finding.severity} (suppressed ${finding.suppressedSeverity ?? ''})`.replace(' )', ')') : finding.severity
      lines.push(logLine(`${file.path}:${finding.line}:${finding.column} ${severity} ${finding.message} ${finding.rule}`))
    }
  }
  const counts = countFindings(report.files.flatMap((file) => file.findings))
  const files = plural(report.summary.files, 'file') + meetingsNote(report)
  const suppressed = report.summary.suppressed ? ` (${report.summary.suppressed} suppressed)` : ''
  lines.push(counts.error + counts.warning + counts.info === 0 ? `${files} checked: no problems.` : `${files} checked: ${describeCounts(counts)}${suppressed}.`)
  return `${lines.join('\n')}\n`
}

/** ` (23 meetings)` when running files make the meetings more (or fewer) than the files; '' otherwise. */
function meetingsNote(report: RunReport): string {
  if (!report.files.some((file) => file.meetings)) return ''
  const meetings = report.files.reduce((sum, file) => sum + (file.meetings?.length ?? 1), 0)
  return meetings === report.summary.files ? '' : ` (${plural(meetings, 'meeting')})`
}

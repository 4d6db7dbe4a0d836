import { logLine } from '../markup/log-line.js'
import { countFindings, describeCounts, plural } from './findings.js'
import type { RunReport } from './types.js'

/** What the text shows besides the errors and warnings. */
export interface TextOptions {
  /** List the findings the suppressions file accepts, one line each (default: one summary line for them all). */
  showSuppressed?: boolean
  /** Only errors, and the total (`--quiet`). */
  quiet?: boolean
}

/**
 * The familiar one-line-per-finding format: `path:line:col  severity  message  rule`,
 * then a total. Clickable in editors and terminals. A path or message from the minutes that
 * holds a line break stays on its finding's line, escaped (see `logLine`). Accepted findings
 * are one summary line unless asked for, so that a run after `--suppress-all` shows what is new.
 */
export function formatText(report: RunReport, options: TextOptions = {}): string {
  const lines: string[] = []
  let hidden = 0
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (finding.suppressed && !options.showSuppressed) {
        hidden++
        continue
      }
      if (options.quiet && finding.severity !== 'error') continue
      const severity = finding.suppressed ? `${finding.severity} (suppressed ${finding.suppressedSeverity ?? ''})`.replace(' )', ')') : finding.severity
      lines.push(logLine(`${file.path}:${finding.line}:${finding.column} ${severity} ${finding.message} ${finding.rule}`))
    }
  }
  if (hidden > 0 && !options.quiet) lines.push(`${plural(hidden, 'accepted finding')} hidden; \`--show-suppressed\` lists them.`)
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

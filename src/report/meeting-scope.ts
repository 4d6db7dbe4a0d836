import { countFindings } from './findings.js'
import type { FileReport, MeetingReport, RunReport } from './types.js'

/**
 * A change to running files, scoped to the meetings it edits: in each running file whose
 * changed lines are known, the findings and action items of the meetings (and the preamble)
 * that hold a changed line stay; the other meetings are old text, left out as an unchanged
 * file is. A finding about the whole file stands on line 1: it goes with the preamble, or
 * with the first meeting when the file opens with one. Files of one meeting, running files
 * without meetings, and those whose changed lines are unknown (no patch) stay whole.
 */
export function scopeToChangedMeetings(report: RunReport, changedLines: Readonly<Record<string, readonly number[]>>): RunReport {
  const files = report.files.map((file) => {
    const lines = changedLines[file.path]
    return file.meetings && file.meetings.length > 0 && lines ? scopeFile(file, file.meetings, lines) : file
  })
  if (files.every((file, at) => file === report.files[at])) return report
  const counts = countFindings(files.flatMap((file) => file.findings))
  const suppressed = files.reduce((sum, file) => sum + file.findings.filter((finding) => finding.suppressed).length, 0)
  const summary: RunReport['summary'] = {
    ...report.summary,
    errors: counts.error,
    warnings: counts.warning,
    actionItems: files.reduce((sum, file) => sum + file.actionItems.length, 0),
  }
  if (suppressed > 0) summary.suppressed = suppressed
  else delete summary.suppressed
  return { ...report, files, summary }
}

function scopeFile(file: FileReport, meetings: readonly MeetingReport[], lines: readonly number[]): FileReport {
  // A meeting runs to the line before the next one's heading: a line added between two
  // meetings' text belongs to the one above.
  const ranges = meetings.map((meeting, at) => ({ from: meeting.line, to: (meetings[at + 1]?.line ?? Number.MAX_SAFE_INTEGER) - 1 }))
  const preamble = { from: 1, to: (meetings[0]?.line ?? 1) - 1 }
  const edited = [preamble, ...ranges].filter((range) => lines.some((line) => range.from <= line && line <= range.to))
  const inScope = (line: number) => edited.some((range) => range.from <= line && line <= range.to)
  return {
    ...file,
    findings: file.findings.filter((finding) => inScope(finding.line)),
    actionItems: file.actionItems.filter((item) => inScope(item.line)),
  }
}

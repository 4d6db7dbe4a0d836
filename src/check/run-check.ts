import { countFindings } from '../report/findings.js'
import type { FileReport, RunReport } from '../report/types.js'
import { checkSource, type CheckContext, type SourceFile } from './check-source.js'

/**
 * Checks many files and totals them into the stable report (files in path order);
 * `check` is how one file is checked (at the edge: under the time budget, check-in-thread.ts).
 */
export function runCheck(sources: Iterable<SourceFile>, context: CheckContext, check: typeof checkSource = checkSource): RunReport {
  const files: FileReport[] = []
  for (const source of sources) {
    const report = check(source, context)
    if (report) files.push(report)
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return summarize(files)
}

/** Totals file reports into a run report. */
export function summarize(files: FileReport[]): RunReport {
  const counts = countFindings(files.flatMap((file) => file.findings))
  return {
    version: 1,
    files,
    summary: {
      files: files.length,
      errors: counts.error,
      warnings: counts.warning,
      actionItems: files.reduce((total, file) => total + file.actionItems.length, 0),
    },
  }
}

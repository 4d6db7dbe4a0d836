import type { FailOn } from '../constants.js'
import type { RunReport } from './types.js'

/** Whether a run's findings reach the fail-on threshold. */
export function reachesFailOn(report: RunReport, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  if (failOn === 'warning') return report.summary.errors + report.summary.warnings > 0
  return report.summary.errors > 0
}

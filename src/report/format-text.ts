import type { RunReport } from './types.js'

/**
 * The familiar one-line-per-finding format: `path:line:col  severity  message  rule`,
 * then a total. Clickable in editors and terminals.
 */
export function formatText(report: RunReport): string {
  const lines: string[] = []
  for (const file of report.files) {
    for (const finding of file.findings) {
      lines.push(`${file.path}:${finding.line}:${finding.column} ${finding.severity} ${finding.message} ${finding.rule}`)
    }
  }
  const { files, errors, warnings } = report.summary
  const infos = report.files.reduce((total, file) => total + file.findings.filter((f) => f.severity === 'info').length, 0)
  const counted = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos > 0 ? [plural(infos, 'note')] : [])]
  lines.push(
    errors + warnings + infos === 0
      ? `${plural(files, 'file')} checked: no problems.`
      : `${plural(files, 'file')} checked: ${counted.join(', ')}.`,
  )
  return `${lines.join('\n')}\n`
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

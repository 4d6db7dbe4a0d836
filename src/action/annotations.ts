import type { AnnotationProperties } from './workflow-commands.js'
import { SUPPRESSIONS_PATH, type Severity } from '../constants.js'
import type { RunReport } from '../report/types.js'

/** GitHub shows at most this many annotations of each level per step; the rest are only counted. */
export const ANNOTATION_LIMIT = 10

/** The runner's annotation functions, by severity. */
export type Annotate = Record<Severity, (message: string, properties: AnnotationProperties) => void>

/**
 * Emits one annotation per finding, at most ANNOTATION_LIMIT per level, and returns how
 * many of each level were left out so the log can say so.
 */
export function emitAnnotations(report: RunReport, annotate: Annotate): Record<Severity, number> {
  const emitted: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  const omitted: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (emitted[finding.severity] >= ANNOTATION_LIMIT) {
        omitted[finding.severity]++
        continue
      }
      emitted[finding.severity]++
      const properties: AnnotationProperties = {
        title: `minutes: ${finding.rule}`,
        file: file.path,
        startLine: finding.line,
        endLine: finding.endLine,
      }
      // GitHub ignores columns on annotations that span lines.
      if (finding.endLine === finding.line) {
        properties.startColumn = finding.column
        properties.endColumn = finding.endColumn
      }
      const message = finding.suppressed ? `${finding.message} (suppressed: accepted in ${SUPPRESSIONS_PATH})` : finding.message
      annotate[finding.severity](message, properties)
    }
  }
  return omitted
}

import type { VFileMessage } from 'vfile-message'
import { SEVERITIES, type RuleLevel, type Severity } from '../constants.js'
import type { Finding } from '../report/types.js'
import type { MinutesMessage } from '../rules/define-rule.js'

/** The weaker of two severities (`info` < `warning` < `error`). */
export function weakerSeverity(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) > SEVERITIES.indexOf(b) ? a : b
}

/**
 * The one adapter from vfile messages to findings: the rule's configured level caps the
 * severity, and a message may ask for less (a fixable title date is only a warning).
 */
export function messageToFinding(message: VFileMessage, level: RuleLevel | undefined): Finding {
  const configured: Severity = level && level !== 'off' ? level : 'warning'
  const own = (message as MinutesMessage).severity
  const start = message.place && 'start' in message.place ? message.place.start : message.place
  const end = message.place && 'end' in message.place ? message.place.end : start
  const finding: Finding = {
    rule: message.ruleId ?? 'unknown',
    severity: own ? weakerSeverity(own, configured) : configured,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    message: message.reason,
  }
  const markdown = (message as MinutesMessage).markdown
  if (markdown !== undefined) finding.markdown = markdown
  const suggestion = message.expected?.[0]
  if (suggestion) finding.suggestion = suggestion
  return finding
}

/** Orders findings by position, then rule, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message)
}

/** Hand-built reports, items and issues for the plan and render unit tests. */
import type { ActionItem } from '../../src/action-items/index.js'
import { fingerprint } from '../../src/action-items/fingerprint.js'
import type { ItemIdentity } from '../../src/plan/issue-marker.js'
import type { KnownIssue } from '../../src/plan/plan-issues.js'
import type { SourceLinks } from '../../src/markup/permalink.js'
import type { FileReport, Finding, RunReport } from '../../src/report/types.js'

export const SHA = 'b'.repeat(40)
export const LINKS: SourceLinks = { serverUrl: 'https://github.com', repository: 'acme/minutes', sha: SHA }
export const BLOB = `https://github.com/acme/minutes/blob/${SHA}`

export function item(text: string, options: { owners?: string[]; done?: boolean; line?: number; due?: string | null; context?: ActionItem['context'] } = {}): ActionItem {
  const owners = options.owners ?? ['alice']
  const line = options.line ?? 5
  return { line, column: 1, endLine: line, endColumn: text.length + 1, owners, text, done: options.done ?? false, due: options.due ?? null, id: fingerprint(owners, text), section: 'Action items', context: options.context ?? { headings: [], parents: [] } }
}

export function file(path: string, date: string | null, parts: Partial<Omit<FileReport, 'path' | 'date'>> = {}): FileReport {
  return { path, date, profile: parts.profile ?? 'weekly', findings: parts.findings ?? [], teams: parts.teams ?? [], actionItems: parts.actionItems ?? [] }
}

export function report(files: FileReport[]): RunReport {
  const findings = files.flatMap((entry) => entry.findings)
  return {
    version: 1,
    files,
    summary: {
      files: files.length,
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warning').length,
      actionItems: files.reduce((total, entry) => total + entry.actionItems.length, 0),
    },
  }
}

export function finding(rule: string, line: number, message: string, options: Partial<Pick<Finding, 'severity' | 'suggestion'>> = {}): Finding {
  const result: Finding = { rule, severity: options.severity ?? 'error', line, column: 1, endLine: line, endColumn: 2, message }
  if (options.suggestion !== undefined) result.suggestion = options.suggestion
  return result
}

export function identity(series: string, owners: string[], text: string): ItemIdentity {
  return { v: 1, id: fingerprint(owners, text), series, owners, text }
}

export function issue(number: number, identityOf: ItemIdentity, state: 'open' | 'closed' = 'open', stateReason: string | null = null): KnownIssue {
  return { number, url: `https://github.com/acme/minutes/issues/${number}`, title: `[${identityOf.series}] ${identityOf.text}`, state, stateReason, identity: identityOf }
}

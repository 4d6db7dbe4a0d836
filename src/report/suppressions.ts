import { countFindings } from './findings.js'
import type { FileReport, Finding, RunReport } from './types.js'

/**
 * Bulk suppressions, as ESLint keeps them in `eslint-suppressions.json`: per file and rule,
 * how many findings the repository accepts. No line numbers, so edits elsewhere in a file
 * do not break it; a count that grows makes that file's findings of that rule fail again.
 */
export type Suppressions = Record<string, Record<string, { count: number }>>

/** A suppressions file that cannot be read; the message names the file and the problem. */
export class SuppressionsError extends Error {
  override name = 'SuppressionsError'
}

/** Rule names that are never suppressed: a failure of the tool is not a finding to accept. */
const NEVER_SUPPRESSED = new Set(['internal'])

/** Findings that can fail a step (errors and warnings) are the ones a suppressions file counts. */
function suppressible(finding: Finding): boolean {
  return finding.severity !== 'info' && !NEVER_SUPPRESSED.has(finding.rule)
}

/** Parses and checks the file's JSON: `{ "path": { "rule": { "count": 1 } } }`. */
export function parseSuppressions(text: string, source: string): Suppressions {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new SuppressionsError(`${source}: invalid JSON: ${(error as Error).message}`)
  }
  if (!isObject(value)) throw new SuppressionsError(`${source}: expected an object of file paths`)
  const suppressions: Suppressions = {}
  for (const [path, rules] of Object.entries(value)) {
    if (!isObject(rules)) throw new SuppressionsError(`${source}: “${path}” must map rule ids to { "count": N }`)
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        throw new SuppressionsError(`${source}: “${path}” → “${rule}” must be { "count": N } with N a whole number ≥ 1`)
      }
      ;(suppressions[path] ??= {})[rule] = { count }
    }
  }
  return suppressions
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The suppressible findings of a report, counted per file and rule. */
export function countSuppressible(report: RunReport): Suppressions {
  const counts: Suppressions = {}
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (!suppressible(finding)) continue
      const rules = (counts[file.path] ??= {})
      rules[finding.rule] = { count: (rules[finding.rule]?.count ?? 0) + 1 }
    }
  }
  return counts
}

/**
 * Applies suppressions: where a file has no more findings of a rule than the file accepts,
 * they become notes marked `suppressed`; where it has more, all of them stay (as ESLint
 * does: which one is new cannot be told without line numbers). Totals are recounted.
 */
export function applySuppressions(report: RunReport, suppressions: Suppressions): RunReport {
  const actual = countSuppressible(report)
  let suppressed = 0
  const files = report.files.map((file): FileReport => {
    const accepted = suppressions[file.path]
    if (!accepted) return file
    const findings = file.findings.map((finding): Finding => {
      const limit = accepted[finding.rule]?.count ?? 0
      const found = actual[file.path]?.[finding.rule]?.count ?? 0
      if (!suppressible(finding) || found > limit) return finding
      suppressed++
      return { ...finding, severity: 'info', suppressed: true, suppressedSeverity: finding.severity }
    })
    return { ...file, findings }
  })
  const counts = countFindings(files.flatMap((file) => file.findings))
  const summary: RunReport['summary'] = { ...report.summary, errors: counts.error, warnings: counts.warning }
  if (suppressed > 0) summary.suppressed = suppressed
  else delete summary.suppressed
  return { ...report, files, summary }
}

/** Files and rules whose findings outgrew what the suppressions accept: `path`, `rule`, counts. */
export function exceededSuppressions(report: RunReport, suppressions: Suppressions): Array<{ path: string; rule: string; accepted: number; found: number }> {
  const actual = countSuppressible(report)
  const exceeded: Array<{ path: string; rule: string; accepted: number; found: number }> = []
  for (const [path, rules] of Object.entries(suppressions)) {
    for (const [rule, { count }] of Object.entries(rules)) {
      const found = actual[path]?.[rule]?.count ?? 0
      if (found > count) exceeded.push({ path, rule, accepted: count, found })
    }
  }
  return exceeded
}

/**
 * `--suppress-all`: the existing suppressions with every checked file's entries replaced by
 * what it has now (files not checked this run keep theirs).
 */
export function suppressAll(existing: Suppressions, report: RunReport): Suppressions {
  const next = withoutFiles(existing, report.files.map((file) => file.path))
  return sortSuppressions({ ...next, ...countSuppressible(report) })
}

/**
 * `--prune-suppressions`: for the checked files, counts lowered to what is still found and
 * entries found no more dropped; entries of files that no longer exist are dropped too.
 */
export function pruneSuppressions(existing: Suppressions, report: RunReport, existingPaths: ReadonlySet<string>): Suppressions {
  const actual = countSuppressible(report)
  const checked = new Set(report.files.map((file) => file.path))
  const pruned: Suppressions = {}
  for (const [path, rules] of Object.entries(existing)) {
    if (!existingPaths.has(path)) continue
    for (const [rule, { count }] of Object.entries(rules)) {
      const kept = checked.has(path) ? Math.min(count, actual[path]?.[rule]?.count ?? 0) : count
      if (kept > 0) (pruned[path] ??= {})[rule] = { count: kept }
    }
  }
  return sortSuppressions(pruned)
}

function withoutFiles(suppressions: Suppressions, paths: readonly string[]): Suppressions {
  const drop = new Set(paths)
  return Object.fromEntries(Object.entries(suppressions).filter(([path]) => !drop.has(path)))
}

function sortSuppressions(suppressions: Suppressions): Suppressions {
  const byName = <T>(entries: Array<[string, T]>) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(byName(Object.entries(suppressions)).map(([path, rules]) => [path, Object.fromEntries(byName(Object.entries(rules)))]))
}

/** The file's text: sorted, two-space JSON with a final newline, so diffs stay small. */
export function formatSuppressions(suppressions: Suppressions): string {
  return `${JSON.stringify(sortSuppressions(suppressions), null, 2)}\n`
}

/** Entries in total (file × rule), for messages. */
export function countEntries(suppressions: Suppressions): number {
  return Object.values(suppressions).reduce((total, rules) => total + Object.keys(rules).length, 0)
}

import { similarity } from '../src/action-items/index.js'
import { commentProblems } from './github-markdown.js'
import { FULL_NAME } from './minutes-scenario.js'
import type { CloseCause, ReplayResult, ReplayedIssue } from './replay-history.js'

/** What a maintainer sees of one series (or of all) after a replay. */
export interface SeriesFigures {
  series: string
  pushes: number
  opened: number
  closed: number
  closedBy: Partial<Record<CloseCause, number>>
  open: number
  /** Pairs of open issues whose texts look alike (similarity ≥ 0.5): candidates to read, not verdicts. */
  alike: Array<[number, number, number]>
  requests: number
}

/** The issue's text without the `[series] ` prefix. */
export function titleText(issue: ReplayedIssue): string {
  return issue.title.replace(/^\[[^\]]+\]\s*/u, '')
}

export function figures(result: ReplayResult): { bySeries: SeriesFigures[]; total: SeriesFigures; dashboardItems: number; dashboardLength: number } {
  const names = [...new Set(result.pushes.map((push) => push.path.split('/')[0] ?? ''))].sort()
  const bySeries = names.map((name) =>
    figuresOf(
      name,
      result.issues.filter((issue) => issue.series === name),
      result.pushes.filter((push) => push.path.startsWith(`${name}/`)),
    ),
  )
  const total = figuresOf('total', result.issues, result.pushes)
  const body = result.dashboard?.body ?? ''
  return { bySeries, total, dashboardItems: body.split('\n').filter((line) => line.startsWith('- [#')).length, dashboardLength: body.length }
}

function figuresOf(series: string, issues: readonly ReplayedIssue[], pushes: ReplayResult['pushes']): SeriesFigures {
  const closedBy: Partial<Record<CloseCause, number>> = {}
  for (const issue of issues) if (issue.closedBy) closedBy[issue.closedBy.cause] = (closedBy[issue.closedBy.cause] ?? 0) + 1
  const open = issues.filter((issue) => issue.state === 'open')
  const alike: Array<[number, number, number]> = []
  for (const [index, a] of open.entries()) {
    for (const b of open.slice(index + 1)) {
      if (a.series !== b.series) continue
      const score = similarity(titleText(a), titleText(b))
      if (score >= 0.5) alike.push([a.number, b.number, Math.round(score * 100) / 100])
    }
  }
  return {
    series,
    pushes: pushes.length,
    opened: issues.length,
    closed: issues.length - open.length,
    closedBy,
    open: open.length,
    alike,
    requests: pushes.reduce((sum, push) => sum + push.requests, 0),
  }
}

/** A table of the figures, one row a series, then the total. */
export function formatFigures(result: ReplayResult): string {
  const { bySeries, total, dashboardItems, dashboardLength } = figures(result)
  const rows = [...bySeries, total].map((row) => {
    const causes = Object.entries(row.closedBy).map(([cause, count]) => `${count} ${cause}`).join('; ') || '—'
    return `| ${row.series} | ${row.pushes} | ${row.opened} | ${row.closed} (${causes}) | ${row.open} | ${row.alike.length} | ${row.requests} |`
  })
  return [
    '| series | pushes | issues opened | closed (how) | open at the end | open pairs alike ≥ 0.5 | requests |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Dashboard at the end: ${dashboardItems} item lines, ${dashboardLength} characters.`,
  ].join('\n')
}

const SERVER = 'https://github.com'

/**
 * What would not render as meant on GitHub, in the issue bodies and the dashboard (see
 * github-markdown.ts): a mention, an issue reference, markup from the minutes, a link elsewhere.
 * An issue's links point at the commit of the push that opened it; the dashboard's at many.
 */
export function renderingProblems(result: ReplayResult, sources: readonly string[]): string[] {
  const shaOf = new Map(result.pushes.map((push) => [push.path, push.sha]))
  const problems = result.issues.flatMap((issue) =>
    commentProblems(issue.body, { links: { serverUrl: SERVER, repository: FULL_NAME, sha: shaOf.get(issue.createdBy) ?? '' }, sources, elements: ['blockquote', 'sub'] }).map((problem) => `#${issue.number}: ${problem}`),
  )
  if (result.dashboard) {
    const blob = `${SERVER}/${FULL_NAME}/blob/`
    const dashboard = commentProblems(result.dashboard.body ?? '', { links: { serverUrl: SERVER, repository: FULL_NAME, sha: '' }, sources, issueSearch: true, elements: ['hr', 'sub'] })
    problems.push(...dashboard.filter((problem) => !problem.startsWith(`a link to "${blob}`)).map((problem) => `dashboard: ${problem}`))
  }
  return problems
}

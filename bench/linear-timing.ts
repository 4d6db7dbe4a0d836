// Issue 17: a long item line through everything that runs after the per-file budget
// (identity, planning, rendering) and through extraction, against the bare parse of the same
// file, in one process, alternating rounds. `- AI @alice: ` and 40,000 letters took 8 s in
// identity before (80,000: 28 s; 320,000: over 6 minutes): the ratio stays near or under 1.
// Built by bench/run.js with ncc and run with Node 24; prints JSON rows.
import { extractActionItems, matchItems } from '../src/action-items/index.js'
import { parseMarkdown } from '../src/parse/parse-markdown.js'
import { issueBody, issueTitle } from '../src/plan/issue-text.js'
import { latestOccurrences } from '../src/plan/occurrences.js'
import { planIssues } from '../src/plan/plan-issues.js'
import { renderSummary } from '../src/render/summary.js'
import { formatText } from '../src/report/format-text.js'
import type { RunReport } from '../src/report/types.js'

const rounds = Number(process.argv[2] ?? 5)
const links = { serverUrl: 'https://github.com', repository: 'acme/minutes', sha: 'b'.repeat(40) }

const time = (work: () => unknown): number => {
  const start = performance.now()
  work()
  return performance.now() - start
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

/** Extraction, then identity, the plan, issue texts and the summary, as the action runs them. */
function pipeline(text: string): void {
  const items = extractActionItems(parseMarkdown(text))
  const report: RunReport = {
    version: 1,
    files: [{ path: 'team/20261119.md', profile: 'team', date: '2026-11-19', findings: [], teams: [], actionItems: items }],
    summary: { files: 1, errors: 0, warnings: 0, actionItems: items.length },
  }
  const occurrences = latestOccurrences(report)
  matchItems(items, items)
  const changes = planIssues(occurrences, [], { label: 'action-item', teamLabel: null, links, maxNewIssues: 20 })
  for (const occurrence of occurrences) {
    issueTitle(occurrence)
    issueBody(occurrence, links)
  }
  renderSummary({ report, links, plan: { changes, timing: 'after-merge' } })
  formatText(report)
}

const rows = []
for (const letters of [40_000, 80_000, 320_000]) {
  const text = `# 2026-11-19\n\n- AI @alice: ${'a'.repeat(letters)}\n`
  pipeline(text)
  const bareTimes: number[] = []
  const fullTimes: number[] = []
  for (let round = 0; round < rounds; round++) {
    bareTimes.push(time(() => parseMarkdown(text)))
    fullTimes.push(time(() => pipeline(text)))
  }
  rows.push({ letters, bareMs: median(bareTimes), fullMs: median(fullTimes) })
}
process.stdout.write(`${JSON.stringify(rows)}\n`)

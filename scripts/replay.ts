// `npm run replay -- [SERIES FOLDER...] [--mode since|none|both] [--switch-on-after N] [--list] [--json FILE]`
// (Node 24 type stripping, see scripts/ts-imports.js; run `npm run build` first: it replays the
// bundled action, dist/index.js). Replays the history of real minutes series as one push per
// meeting file, in date order, on the simulation of GitHub, and prints what a maintainer would
// see: issues opened and closed (and how), open at the end, look-alike open issues, the
// dashboard, the requests. See docs/action-items.md, "A replay of real history".
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { PROJECT_ROOT } from '../test-support/project-root.js'
import { fixturesPresent, initConfig, readSeries, replayHistory, type ReplayResult } from '../test-support/replay-history.js'
import { formatFigures, figures, renderingProblems } from '../test-support/replay-figures.js'

const DEFAULT_SERIES = resolve(PROJECT_ROOT, '../shared/fixtures/scs-series')

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mode: { type: 'string', default: 'both' },
    'switch-on-after': { type: 'string' },
    list: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
})

const folders = positionals.length > 0 ? positionals.map((folder) => resolve(folder)) : [DEFAULT_SERIES]
const missing = folders.filter((folder) => !fixturesPresent(folder))
if (missing.length > 0) {
  console.log(`Skipping the replay: ${missing.join(', ')} absent (the real minutes live in ../shared/fixtures beside the checkout).`)
  process.exit(0)
}

const files = readSeries(folders)
// `since` mode: the action is switched on when half the meetings are written; `minutes-check
// init`, run on the repository as it stood then, writes `since` = its newest meeting.
const half = values['switch-on-after'] === undefined ? Math.floor(files.length / 2) : Number(values['switch-on-after'])
if (!['both', 'none', 'since'].includes(values.mode ?? '')) {
  console.error(`--mode is since, none or both, not “${values.mode ?? ''}”.`)
  process.exit(2)
}
const modes = values.mode === 'both' ? ['none', 'since'] : [values.mode ?? 'none']
const results: Record<string, ReplayResult> = {}
for (const mode of modes) {
  const switchOnAfter = mode === 'since' ? half : 0
  // No since: init's configuration for the whole series (its profiles and date patterns know
  // every folder), `since` dropped. Since: init on the meetings written when switched on.
  const config = await initConfig(mode === 'since' ? files.slice(0, switchOnAfter) : files, { since: mode === 'since' })
  const since = /since: (\S+)/u.exec(config)?.[1] ?? 'none'
  console.log(`\n## ${mode === 'since' ? `Switched on after ${switchOnAfter} meetings, init's since: ${since}` : 'No since: every item from the first meeting on'} (${files.length - switchOnAfter} pushes)\n`)
  const result = await replayHistory({
    files,
    switchOnAfter,
    config,
    onPush: (push) => process.stderr.write(`${push.date} ${push.path}: +${push.created.length} -${push.closed.length}, ${push.requests} requests${push.exitCode === 0 ? '' : `, exit ${push.exitCode}`}\n`),
  })
  results[mode] = result
  console.log(formatFigures(result))
  const warnings = result.pushes.flatMap((push) => push.warnings.map((warning) => `${push.path}: ${warning}`))
  if (warnings.length > 0) console.log(`\nWarnings:\n${warnings.join('\n')}`)
  if (result.violations > 0) console.log(`\n${result.violations} request(s) GitHub would reject (simulation violations).`)
  const rendering = renderingProblems(result, files.flatMap((file) => (typeof file.content === 'string' ? [file.content] : [])))
  console.log(rendering.length === 0 ? '\nIssue bodies and dashboard render as meant (no mention, reference, stray markup or foreign link).' : `\nRendering problems:\n${rendering.join('\n')}`)
  const alike = figures(result).total.alike
  if (alike.length > 0) console.log(`\nOpen issues that look alike (read them): ${alike.map(([a, b, score]) => `#${a}/#${b} ${score}`).join(', ')}`)
  if (values.list) {
    console.log('\nIssues:')
    for (const issue of result.issues) {
      const closed = issue.closedBy ? `closed by ${issue.closedBy.path} (${issue.closedBy.cause})` : 'open'
      console.log(`#${issue.number} ${issue.title}  [${issue.assignees.join(', ') || 'nobody'}] from ${issue.createdBy}; ${closed}`)
    }
    console.log(`\nDashboard:\n${result.dashboard?.body ?? '(none)'}`)
  }
}
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`)

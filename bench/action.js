// Figures of the bundled action (issue 3): a typical PR against the GitHub simulation.
// Loaded by bench/run.js; returns results in its format.
import { execFileSync, spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'

/** Issue 10: a typical PR run of the action, whole process, median. */
const WALL_TARGET_MS = 350

/** Issue 10: a push that changed one file costs "about what a PR run costs". */
const PUSH_TARGET = 1.25

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

export default async function actionBench() {
  execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--quiet', 'bench/action-timing.ts', '-o', 'build/bench-action'], { stdio: 'inherit' })
  // 7 plain rounds (the wall time), alternating with 5 rounds probed by bench/action-probe.js (the breakdown).
  const { typical, manyLinks, push } = JSON.parse(execFileSync(process.execPath, ['build/bench-action/index.js', '7', '5'], { encoding: 'utf8' }))

  // The reference: a Node process that does nothing, timed the same way, in the same run,
  // alternating with the cold start of the action bundle: load and evaluate dist/index.js up
  // to reading its inputs (no GITHUB_REPOSITORY: it stops at once with a settings error).
  const nodeStart = []
  const coldStart = []
  const time = (args, env) => {
    const start = process.hrtime.bigint()
    spawnSync(process.execPath, args, env ? { env } : {})
    return Number(process.hrtime.bigint() - start) / 1e6
  }
  for (let round = 0; round < 9; round++) {
    nodeStart.push(time(['-e', '0']))
    coldStart.push(time(['dist/index.js'], { PATH: process.env.PATH }))
  }

  const wall = median(typical.wallMs)
  console.log(`action bundle dist/index.js: ${(statSync('dist/index.js').size / 1e6).toFixed(2)} MB`)
  console.log(`action on a typical PR (1 weekly file, ${typical.links} links, 5 action items): ${wall.toFixed(0)} ms wall, median of ${typical.wallMs.length} (target ≤ ${WALL_TARGET_MS} ms${wall <= WALL_TARGET_MS ? '' : ', MISSED'}); rounds ${typical.wallMs.join(', ')} ms; ${typical.requests} API requests (target ≤ 4)`)
  console.log('  where the time goes (median of the probed rounds, ms; docs/performance.md):')
  for (const [phase, ms] of Object.entries(typical.breakdown)) console.log(`    ${phase}: ${ms.toFixed(1)}`)
  console.log(`action on the same PR with ${manyLinks.links} links: ${median(manyLinks.wallMs).toFixed(0)} ms, ${manyLinks.requests} API requests (0 per link)`)
  const pushMs = median(push.pushMs)
  const pullRequestMs = median(push.pullRequestMs)
  console.log(`action on a push that changed the weekly file, in a repository of ${push.files} minutes files: ${pushMs.toFixed(0)} ms; the PR changing it, same repository: ${pullRequestMs.toFixed(0)} ms (medians of ${push.pushMs.length})`)
  const target = (name, value, limit) => ({ name, value, reference: 1, ratio: value, target: limit, ok: value <= limit })
  return [
    { name: 'action PR run (wall) / node -e 0', value: wall, reference: median(nodeStart), ratio: wall / median(nodeStart), target: undefined, ok: wall <= WALL_TARGET_MS },
    { name: 'action cold start / node -e 0', value: median(coldStart), reference: median(nodeStart), ratio: median(coldStart) / median(nodeStart), target: undefined, ok: true },
    { name: `action push run changing one file / PR run changing it (${push.files} files)`, value: pushMs, reference: pullRequestMs, ratio: pushMs / pullRequestMs, target: PUSH_TARGET, ok: pushMs / pullRequestMs <= PUSH_TARGET },
    target('API requests of a typical PR (absolute)', typical.requests, 4),
    target(`API requests with ${manyLinks.links} links minus with ${typical.links} (absolute)`, manyLinks.requests - typical.requests, 0),
  ]
}

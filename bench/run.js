// `npm run bench`: speed figures as ratios against a reference measured in the same run.
//
// 1. Engine: the full check (parse once, model, rules, action items) of a generated corpus
//    against the bare remark parse of the same files, in one process (target ≤ 1.2×).
// 2. CLI: the whole `minutes-check` process (dist/cli/index.js) against a process that only
//    reads and parses the same files with the same remark configuration.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { generateCorpus } from './generate-corpus.js'

const corpus = 'bench/corpus'
const { files, bytes } = generateCorpus(corpus)
console.log(`corpus: ${files} files, ${(bytes / 1e6).toFixed(2)} MB (generated in ${corpus}/)`)

const results = []
const record = (name, value, reference, target) => {
  const ratio = value / reference
  results.push({ name, value, reference, ratio, target, ok: target === undefined || ratio <= target })
}

// 1. In-process engine vs bare parse.
execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--quiet', 'bench/engine-timing.ts', '-o', 'build/bench'], { stdio: 'inherit' })
const engine = JSON.parse(execFileSync(process.execPath, ['build/bench/index.js', corpus, '5'], { encoding: 'utf8' }))
console.log(`engine: ${engine.files} files, ${engine.findings} findings, ${engine.actionItems} action items`)
record('engine full check / bare parse (in process)', engine.fullMs, engine.bareMs, 1.2)

// 2. Whole processes, alternating, median of 3.
const wall = (args) => {
  const start = process.hrtime.bigint()
  // Output goes to /dev/null: written in full, never buffered here (the JSON is megabytes).
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  return Number(process.hrtime.bigint() - start) / 1e6
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const cliTimes = []
const bareTimes = []
for (let round = 0; round < 3; round++) {
  bareTimes.push(wall(['bench/bare-parse.js', corpus]))
  cliTimes.push(wall(['dist/cli/index.js', '--root', corpus, '--format', 'json']))
}
record('minutes-check process / bare-parse process (wall)', median(cliTimes), median(bareTimes), 1.2)

// 3. Cold start: the bundled CLI on one small file against `node -e 0`.
const nodeStart = []
const cliStart = []
for (let round = 0; round < 7; round++) {
  nodeStart.push(wall(['-e', '0']))
  cliStart.push(wall(['dist/cli/index.js', '--root', 'examples/minutes-repo', 'storage/20261119.md']))
}
record('minutes-check cold start on one file / node -e 0', median(cliStart), median(nodeStart))

for (const bundle of ['dist/index.js', 'dist/cli/index.js']) {
  if (existsSync(bundle)) console.log(`bundle ${bundle}: ${(statSync(bundle).size / 1e6).toFixed(2)} MB`)
}
const extra = existsSync('bench/action.js') ? await import('./action.js') : null
if (extra) for (const result of await extra.default()) results.push(result)

console.log('')
for (const { name, value, reference, ratio, target, ok } of results) {
  const goal = target === undefined ? '' : ` (target ≤ ${target}×${ok ? '' : ', MISSED'})`
  console.log(`${name}: ${value.toFixed(1)} / ${reference.toFixed(1)} = ${ratio.toFixed(2)}×${goal}`)
}
process.exitCode = results.every((result) => result.ok) ? 0 : 1

// `npm run bench`: speed figures as ratios against a reference measured in the same run.
//
// 1. Engine: the full check (parse once, model, rules, action items) of a generated corpus
//    against the bare remark parse of the same files, in one process (target ≤ 1.2×).
// 2. CLI: the whole `minutes-check` process (dist/cli/index.js, with its worker threads)
//    against a process that only reads and parses the same files with the same remark
//    configuration, single-threaded, with its peak memory; single-threaded (--jobs 0) within
//    1.2× of it. With the default workers, and on a first run with no configuration, against
//    the machine's limit (issue 22: the bare parse on every core, measured in the same rounds).
//    In the same rounds, the machine's parallel throughput (N bare-parse processes at once
//    against one), and the CLI against the best that throughput allows; and the bare parse
//    split over N processes against the limit: the floor of any split of the corpus; and
//    `minutes-check init` on the corpus with no configuration against the limit.
// 3. Cold start of the CLI against `node -e 0`.
// 4. Hostile files (issue 10): each alone, checked by the CLI, ends within 2 s.
// 5. Linear time (issue 17): a long item line, parse to summary, against its bare parse.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCorpus } from './generate-corpus.js'

const corpus = 'bench/corpus'
const { files, bytes } = generateCorpus(corpus)
console.log(`corpus: ${files} files, ${(bytes / 1e6).toFixed(2)} MB (generated in ${corpus}/)`)
// The same files without a configuration: a first run, which infers the repository (issue 22).
const firstDayCorpus = 'bench/corpus-first-day'
generateCorpus(firstDayCorpus, { configured: false })

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

// 2. Whole processes, alternating, median of 3: the CLI with its default workers (one per
//    core, issue 10), single-threaded (--jobs 0), and with 4 workers where there are 4 cores,
//    against one process that reads and parses the same files with remark, single-threaded.
const wall = (args) => {
  const start = process.hrtime.bigint()
  // Output goes to /dev/null: written in full, never buffered here (the JSON is megabytes).
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  const peak = /peak-rss-kb (\d+)/.exec(result.stderr)
  lastPeakMb = peak ? Number(peak[1]) / 1024 : NaN
  return Number(process.hrtime.bigint() - start) / 1e6
}
let lastPeakMb = NaN
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const cores = availableParallelism()
const cli = (jobs, root = corpus) => ['--import', './bench/peak-memory.js', 'dist/cli/index.js', '--root', root, '--format', 'json', ...(jobs === null ? [] : ['--jobs', String(jobs)])]
const variants = [
  // No target of its own since issue 22: the parallel target is a ratio to the machine's limit (below).
  { name: `minutes-check process, default workers (${Math.min(cores, files)} on ${cores} cores) / bare-parse process`, jobs: null, target: undefined },
  // Issue 22: the whole-corpus check single-threaded within 1.2× the single-thread bare parse.
  { name: 'minutes-check process, single-threaded (--jobs 0) / bare-parse process', jobs: 0, target: 1.2 },
  { name: 'minutes-check process, first day (no configuration), default workers / bare-parse process', jobs: null, root: firstDayCorpus, target: undefined },
  ...(cores >= 4 ? [{ name: 'minutes-check process, 4 workers / bare-parse process', jobs: 4, target: undefined }] : []),
]
// The machine's own parallel throughput on this workload, in the same rounds: as many
// bare-parse processes at once as the default workers, against one alone (a pure integer
// loop scales with the cores; parsing, which needs memory bandwidth and caches, may not:
// a shared 2-vCPU VM gives about 1.4×). What workers can give is bounded by it.
const parallel = Math.min(cores, files)
const wallTogether = async (runs) => {
  const start = process.hrtime.bigint()
  await Promise.all(
    runs.map(
      (args) =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, args, { stdio: 'ignore' })
          child.on('error', reject)
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))))
        }),
    ),
  )
  return Number(process.hrtime.bigint() - start) / 1e6
}
const rounds = 3
const bareTimes = []
const togetherTimes = []
const splitTimes = []
const initTimes = []
const initPeaks = []
const times = variants.map(() => [])
const peaks = variants.map(() => [])
for (let round = 0; round < rounds; round++) {
  bareTimes.push(wall(['bench/bare-parse.js', corpus]))
  if (parallel >= 2) togetherTimes.push(await wallTogether(Array.from({ length: parallel }, () => ['bench/bare-parse.js', corpus])))
  // The same parse split over N processes side by side (each every N-th file), as workers share it.
  if (parallel >= 2) splitTimes.push(await wallTogether(Array.from({ length: parallel }, (_, part) => ['bench/bare-parse.js', corpus, String(part), String(parallel)])))
  variants.forEach((variant, index) => {
    times[index].push(wall(cli(variant.jobs, variant.root)))
    peaks[index].push(lastPeakMb)
  })
  // `init` on the files with no configuration: one parse per file, on every core (issue 22).
  initTimes.push(wall(['--import', './bench/peak-memory.js', 'dist/cli/index.js', 'init', '--dry-run', '--root', firstDayCorpus]))
  initPeaks.push(lastPeakMb)
}
variants.forEach((variant, index) => {
  // The spread: each round's ratio against that round's reference (the machine may be shared).
  const ratios = times[index].map((time, round) => time / bareTimes[round])
  console.log(`${variant.name}: ratios per round ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}; peak memory ${median(peaks[index]).toFixed(0)} MB`)
  record(variant.name, median(times[index]), median(bareTimes), variant.target)
})
if (parallel >= 2) {
  // Throughput: N processes' work done in the time of `together`, against one process's in `alone`.
  const throughput = (parallel * median(bareTimes)) / median(togetherTimes)
  console.log(`machine: ${parallel} bare-parse processes at once take ${median(togetherTimes).toFixed(0)} ms, one alone ${median(bareTimes).toFixed(0)} ms: parallel throughput ${throughput.toFixed(2)}× (ideal ${parallel}×)`)
  record(`reference: ${parallel} bare-parse processes at once / one alone (ms; the machine's parallel throughput is ${parallel} / this)`, median(togetherTimes), median(bareTimes))
  // The best the default workers could do here: the single-threaded ratio divided by the
  // machine's throughput (no overhead at all for spreading the work).
  const single = median(times[1]) / median(bareTimes)
  const ideal = single / throughput
  const actual = median(times[0]) / median(bareTimes)
  console.log(`minutes-check with ${parallel} workers: ${actual.toFixed(2)}× the bare parse; this machine allows at best ${single.toFixed(2)}× / ${throughput.toFixed(2)} = ${ideal.toFixed(2)}×`)
  record(`minutes-check process, default workers / the best this machine allows (single-threaded ratio / parallel throughput)`, actual, ideal)
  // Issue 22: the machine's limit, measured in the same rounds: the bare parse of the corpus
  // on every core (N single-thread bare parses side by side, divided by N). The configured
  // run and the first-day run (which infers the repository in the same parse) against it.
  const limit = median(togetherTimes) / parallel
  const firstDay = variants.findIndex((variant) => variant.root === firstDayCorpus)
  console.log(`machine's limit: ${parallel} bare parses side by side / ${parallel} = ${limit.toFixed(0)} ms; configured ${median(times[0]).toFixed(0)} ms, first day ${median(times[firstDay]).toFixed(0)} ms`)
  record(`minutes-check process, configured, default workers / the machine's limit (${parallel} bare parses side by side / ${parallel})`, median(times[0]), limit, 1.2)
  record(`minutes-check process, first day (no configuration), default workers / the machine's limit`, median(times[firstDay]), limit, 1.3)
  // The floor of any split: the bare parse itself shared by N processes (each parses every
  // N-th file, no engine at all) pays each process's start-up and its JIT's warm-up on a
  // part of the corpus, which the limit (N whole parses, halved) spreads over all of it.
  const splitRatios = splitTimes.map((time, round) => time / (togetherTimes[round] / parallel))
  console.log(`bare parse split over ${parallel} processes: ${median(splitTimes).toFixed(0)} ms; ratios to the limit per round ${splitRatios.map((ratio) => ratio.toFixed(2)).join(', ')}`)
  record(`reference: the bare parse split over ${parallel} processes (each 1/${parallel} of the files) / the machine's limit (the floor of any split)`, median(splitTimes), limit)
  console.log(`minutes-check init (first-day corpus): ${median(initTimes).toFixed(0)} ms; peak memory ${median(initPeaks).toFixed(0)} MB`)
  record(`minutes-check init --dry-run (no configuration), default workers / the machine's limit`, median(initTimes), limit)
}

// 2b. The same two runs on the real sample (issue 22), where it is beside this checkout
//     (verbatim third-party minutes: read in place, never copied): the first day infers
//     SovereignCloudStack/minutes from the links; configured, it is given.
const sample = '../shared/fixtures/scs-minutes-sample'
if (existsSync(sample) && parallel >= 2) {
  const sampleLimit = []
  const sampleFirstDay = []
  const sampleConfigured = []
  const sampleCli = (extra) => ['dist/cli/index.js', '--root', sample, '--format', 'json', ...extra]
  for (let round = 0; round < 5; round++) {
    sampleLimit.push((await wallTogether(Array.from({ length: parallel }, () => ['bench/bare-parse.js', sample]))) / parallel)
    sampleFirstDay.push(wall(sampleCli([])))
    sampleConfigured.push(wall(sampleCli(['--repository', 'SovereignCloudStack/minutes'])))
  }
  console.log(`sample: the machine's limit ${median(sampleLimit).toFixed(0)} ms, configured ${median(sampleConfigured).toFixed(0)} ms, first day ${median(sampleFirstDay).toFixed(0)} ms (medians of 5)`)
  record(`sample (${sample}): minutes-check, configured / the machine's limit`, median(sampleConfigured), median(sampleLimit), 1.2)
  record(`sample: minutes-check, first day (no configuration) / the machine's limit`, median(sampleFirstDay), median(sampleLimit), 1.3)
}

// 3. Cold start: the bundled CLI on one small file against `node -e 0`.
const nodeStart = []
const cliStart = []
for (let round = 0; round < 7; round++) {
  nodeStart.push(wall(['-e', '0']))
  cliStart.push(wall(['dist/cli/index.js', '--root', 'examples/minutes-repo', 'storage/20261119.md']))
}
record('minutes-check cold start on one file / node -e 0', median(cliStart), median(nodeStart))

// 4. The hostile files of issue 10, each alone in a team folder: the whole CLI process ends
//    within 2 s (absolute: the budgets are what bound it), with one or a few findings. A
//    shape whose bare parse alone takes most of that (20,000 list items) needs the time
//    budget instead (issue 10: "or within the per-file time budget for the shapes that need
//    it"), and is held to its own bare parse: a process reading and parsing only that file.
const TIME_BUDGET_MS = 5000
const HOSTILE_OVER_BARE_TARGET = 1.25
const hostileRows = {
  '4,000 nested list markers (8 KB)': { content: `# 2026-01-05\n\n${'- '.repeat(4000)}x\n` },
  '20,000 nested list markers (40 KB)': { content: `# 2026-01-05\n\n${'- '.repeat(20_000)}x\n` },
  '5,000 nested block quotes (10 KB)': { content: `# 2026-01-05\n\n${'> '.repeat(5000)}x\n` },
  '3 MB of random bytes': { content: randomBytes(3_000_000) },
  '20,000 action items': {
    content: `# 2026-01-05\n\n## Actions\n\n${Array.from({ length: 20_000 }, (_, index) => `- AI @bob: item ${index + 1}`).join('\n')}\n`,
    needsTimeBudget: true,
  },
}
for (const [name, { content, needsTimeBudget }] of Object.entries(hostileRows)) {
  const root = mkdtempSync(join(tmpdir(), 'minutes-bench-'))
  mkdirSync(join(root, 'hostile'))
  writeFileSync(join(root, 'hostile/20260105.md'), content)
  const result = spawnSync(process.execPath, ['dist/cli/index.js', '--root', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 })
  const ms = wall(['dist/cli/index.js', '--root', root, '--format', 'json'])
  const findings = JSON.parse(result.stdout).files[0].findings
  const found = `${findings.length} finding(s)${findings[0] ? `: ${findings.map((finding) => finding.rule).join(', ')}` : ''}`
  if (needsTimeBudget) {
    // Seconds of work on one core: a median of alternating rounds, as the corpus rows (one
    // sample each swung 1.13–1.39× on the shared VM).
    const cliTimes = [ms]
    const bareTimes = [wall(['bench/bare-parse.js', root])]
    for (let round = 1; round < 3; round++) {
      cliTimes.push(wall(['dist/cli/index.js', '--root', root, '--format', 'json']))
      bareTimes.push(wall(['bench/bare-parse.js', root]))
    }
    const bareMs = median(bareTimes)
    const cliMs = median(cliTimes)
    console.log(`hostile file, ${name}: ${cliMs.toFixed(0)} ms (median of 3), ${found}; its bare parse alone (process) ${bareMs.toFixed(0)} ms`)
    // Its check ends within the time budget by construction (stopped there, or done before);
    // what the bench holds it to is costing little more than the parser needs for it alone.
    results.push({ name: `hostile file: ${name}, CLI process / its bare-parse process (the parse alone exceeds 2 s; time budget ${TIME_BUDGET_MS / 1000} s)`, value: cliMs, reference: bareMs, ratio: cliMs / bareMs, target: HOSTILE_OVER_BARE_TARGET, ok: cliMs / bareMs <= HOSTILE_OVER_BARE_TARGET })
  } else {
    console.log(`hostile file, ${name}: ${ms.toFixed(0)} ms, ${found}`)
    results.push({ name: `hostile file: ${name} (ms, absolute)`, value: ms, reference: 1, ratio: ms, target: 2000, ok: ms <= 2000 })
  }
  rmSync(root, { recursive: true, force: true })
}

// 5. Linear time (issue 17): `- AI @alice: ` and 40,000, 80,000 and 320,000 letters, through
//    parse, extraction, identity, planning and rendering, against the bare parse of the same
//    file (in process). It took 8 s, 28 s and over 6 minutes; now about one more parse.
execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--quiet', 'bench/linear-timing.ts', '-o', 'build/bench-linear'], { stdio: 'inherit' })
for (const { letters, bareMs, fullMs } of JSON.parse(execFileSync(process.execPath, ['build/bench-linear/index.js', '5'], { encoding: 'utf8' }))) {
  record(`linear time: \`- AI @alice: \` and ${letters.toLocaleString('en')} letters, parse to summary / bare parse (in process)`, fullMs, bareMs, 2)
}

for (const bundle of ['dist/index.js', 'dist/cli/index.js']) {
  if (existsSync(bundle)) console.log(`bundle ${bundle}: ${(statSync(bundle).size / 1e6).toFixed(2)} MB`)
}
const extra = existsSync('bench/action.js') ? await import('./action.js') : null
if (extra) for (const result of await extra.default()) results.push(result)

console.log('')
for (const { name, value, reference, ratio, target, ok } of results) {
  const goal = target === undefined ? '' : ` (target ≤ ${target}×${ok ? '' : ', MISSED'})`
  // Ratios of ratios (the workers against the machine's best) need two decimals; times one.
  const digits = value < 10 && reference < 10 ? 2 : 1
  console.log(`${name}: ${value.toFixed(digits)} / ${reference.toFixed(digits)} = ${ratio.toFixed(2)}×${goal}`)
}
process.exitCode = results.every((result) => result.ok) ? 0 : 1

/** Deterministic pseudo-random bytes (the same generator as the tests' hostile files). */
function randomBytes(length, seed = 7) {
  const bytes = new Uint8Array(length)
  let state = seed
  for (let at = 0; at < length; at++) {
    state = (state * 1103515245 + 12345) % 2147483648
    bytes[at] = (state >>> 16) & 0xff
  }
  return bytes
}

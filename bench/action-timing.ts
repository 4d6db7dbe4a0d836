/**
 * Bench of the bundled action on a typical pull request, against the GitHub simulation:
 * one weekly file with `links` links and 5 action items. Prints JSON: the wall time of each
 * dist/index.js process (as runAction measures it), the API requests it made, and the same
 * for a PR with four times the links (requests must not grow with links); then where the
 * typical run's time goes (`breakdown`), from rounds run with bench/action-probe.js loaded.
 * MINUTES_BENCH_NODE_OPTIONS adds Node options to the probed rounds (e.g. `--cpu-prof
 * --cpu-prof-dir=build/profiles` to see which functions the time goes to).
 * Bundled to build/bench-action by bench/run.js.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { EXAMPLE_TREE, HEAD_SHA, WEEKLY, runOnPullRequest, runOnPush, startMinutesRepo } from '../test-support/minutes-scenario.js'
import { readTree } from '../test-support/workspace.js'

/** A weekly file of our own with `links` team-minutes links (all existing) and 5 action items. */
function weeklyWithLinks(links: number): string {
  const teams = Array.from({ length: links }, (_, index) => {
    const folder = ['platform', 'storage', 'sig-docs'][index % 3]
    const file = { platform: '20261118.md', storage: '20261119.md', 'sig-docs': '20261117.md' }[folder ?? 'platform']
    return `### Team ${index + 1}\n\nMinutes: https://github.com/acme/minutes/blob/main/${folder}/${file}\n\n- Update ${index + 1} from the team\n`
  })
  const items = ['alice', 'bob', 'carol', 'dave', 'erin'].map((owner, index) => `- AI @${owner}: follow up on topic ${index + 1} of the week`)
  return `# Acme Cloud Weekly 2026-11-19\n\n## Meta\n\n- Minutes: Bob\n\n## Team updates\n\n${teams.join('\n')}\n## AOB\n\n${items.join('\n')}\n`
}

/** What bench/action-probe.js writes: ms since the process started. */
interface ProbeMarks {
  probeLoaded: number
  settingsRead?: number
  exit: number
  /** User + system CPU time of the process (all threads). */
  cpuMs: number
  node: { v8Start: number; environment: number; bootstrapComplete: number }
  connects?: Array<{ start: number; end?: number }>
  requests: Array<{ method: string; path: string; created: number; sent?: number; headers?: number; done?: number }>
}

/** One probed run's phases, in ms. */
type Breakdown = Record<string, number>

/** Where one run's time went: the phases between the probe's marks, and the wall time outside the process. */
function phases(marks: ProbeMarks, wallMs: number): Breakdown {
  const [first, ...rest] = marks.requests
  const last = marks.requests.at(-1)
  const settingsRead = marks.settingsRead ?? NaN
  const connect = marks.connects?.[0]
  const result: Breakdown = {
    'spawn and exit outside the process (wall − process lifetime)': wallMs - marks.exit,
    'node bootstrap (to bootstrapComplete)': marks.node.bootstrapComplete,
    'bundle load: compile + evaluate (bootstrap → settings read)': settingsRead - marks.node.bootstrapComplete,
    'settings, client set-up, first fetch call (→ first request)': (first?.created ?? NaN) - settingsRead,
    'first request: connection set-up': connect?.end !== undefined ? connect.end - connect.start : NaN,
    'first request: created → response headers': (first?.headers ?? NaN) - (first?.created ?? NaN),
  }
  // Between each response and the next request: the local work (the check sits after the
  // changed-files listing); each later request's round trip.
  let previous = first
  for (const request of rest) {
    result[`local work before ${request.method} ${request.path}`] = request.created - (previous?.done ?? previous?.headers ?? NaN)
    result[`${request.method} ${request.path}: created → response headers`] = (request.headers ?? NaN) - request.created
    previous = request
  }
  result['after the last response → exit'] = marks.exit - (last?.done ?? last?.headers ?? NaN)
  result['process lifetime (start → exit)'] = marks.exit
  result['CPU time of the process (user + system, all threads)'] = marks.cpuMs
  return result
}

async function measure(links: number, rounds: number, probeRounds = 0): Promise<{ links: number; wallMs: number[]; requests: number; exitCode: number | null; breakdown?: Breakdown }> {
  const files = { ...EXAMPLE_TREE, [WEEKLY]: weeklyWithLinks(links) }
  // Answers are not checked against GitHub's response schemas here: that is the simulator
  // testing itself, and its time is not the action's.
  const sim = await startMinutesRepo(files, undefined, { validateResponses: false })
  const probeDir = mkdtempSync(join(tmpdir(), 'action-probe-'))
  try {
    const wallMs: number[] = []
    const probed: Breakdown[] = []
    let requests = 0
    let exitCode: number | null = null
    // Plain rounds and probed rounds alternate; only plain rounds count for the wall time.
    for (let round = 0; round < Math.max(rounds, probeRounds); round++) {
      for (const probe of [false, true]) {
        if (probe ? round >= probeRounds : round >= rounds) continue
        sim.reset()
        // A fresh comment each round, so every round does the same requests as a first run.
        sim.state.comments.splice(0)
        const probeFile = join(probeDir, `${round}.json`)
        const env = probe ? { NODE_OPTIONS: `--import ${resolve('bench/action-probe.js')} ${process.env.MINUTES_BENCH_NODE_OPTIONS ?? ''}`.trim(), MINUTES_BENCH_PROBE: probeFile } : undefined
        const run = await runOnPullRequest({ sim, files, env })
        if (probe) {
          probed.push(phases(JSON.parse(readFileSync(probeFile, 'utf8')) as ProbeMarks, run.durationMs))
        } else {
          wallMs.push(run.durationMs)
          requests = sim.requests.length
          exitCode = run.exitCode
        }
      }
    }
    sim.assertNoViolations()
    return { links, wallMs, requests, exitCode, ...(probed.length > 0 ? { breakdown: medianOfEach(probed) } : {}) }
  } finally {
    rmSync(probeDir, { recursive: true, force: true })
    await sim.close()
  }
}

/** Each phase's median over the probed rounds. */
function medianOfEach(runs: readonly Breakdown[]): Breakdown {
  const names = runs[0] ? Object.keys(runs[0]) : []
  return Object.fromEntries(
    names.map((name) => {
      const values = runs.map((run) => run[name] ?? NaN).sort((a, b) => a - b)
      return [name, Math.round((values[Math.floor(values.length / 2)] ?? NaN) * 10) / 10]
    }),
  )
}

/**
 * Issue 10: a push to the default branch that changed one file costs about what a pull
 * request changing it costs, not a check of the whole repository: both run on the typical
 * PR's files plus the generated corpus (bench/corpus, 560 more minutes files), alternating.
 * The first push (the merge, which creates the 5 issues) is not timed; the timed pushes are
 * the merge's re-runs, as the PR rounds are re-runs of the PR.
 */
async function measurePush(rounds: number): Promise<{ files: number; pushMs: number[]; pullRequestMs: number[] }> {
  const corpus = Object.fromEntries(Object.entries(readTree('bench/corpus')).filter(([path]) => !path.startsWith('.github/')))
  const files = { ...corpus, ...EXAMPLE_TREE, [WEEKLY]: weeklyWithLinks(10) }
  const sim = await startMinutesRepo(files, undefined, { validateResponses: false })
  try {
    const push = () => runOnPush({ sim, files, sha: HEAD_SHA, changed: [WEEKLY] })
    await push()
    const pushMs: number[] = []
    const pullRequestMs: number[] = []
    for (let round = 0; round < rounds; round++) {
      sim.reset()
      sim.state.comments.splice(0)
      pullRequestMs.push((await runOnPullRequest({ sim, files })).durationMs)
      sim.reset()
      pushMs.push((await push()).durationMs)
    }
    sim.assertNoViolations()
    return { files: Object.keys(files).filter((path) => path.endsWith('.md')).length, pushMs, pullRequestMs }
  } finally {
    await sim.close()
  }
}

const rounds = Number(process.argv[2] ?? '5')
const probeRounds = Number(process.argv[3] ?? '0')
const typical = await measure(10, rounds, probeRounds)
const manyLinks = await measure(40, rounds)
const push = await measurePush(rounds)
process.stdout.write(`${JSON.stringify({ typical, manyLinks, push })}\n`)

/**
 * Bench of the bundled action on a typical pull request, against the GitHub simulation:
 * one weekly file with `links` links and 5 action items. Prints JSON: the wall time of each
 * dist/index.js process (as runAction measures it), the API requests it made, and the same
 * for a PR with four times the links (requests must not grow with links).
 * Bundled to build/bench-action by bench/run.js.
 */
import { EXAMPLE_TREE, WEEKLY, runOnPullRequest, startMinutesRepo } from '../test-support/minutes-scenario.js'

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

async function measure(links: number, rounds: number): Promise<{ links: number; wallMs: number[]; requests: number; exitCode: number | null }> {
  const files = { ...EXAMPLE_TREE, [WEEKLY]: weeklyWithLinks(links) }
  // Answers are not checked against GitHub's response schemas here: that is the simulator
  // testing itself, and its time is not the action's.
  const sim = await startMinutesRepo(files, undefined, { validateResponses: false })
  try {
    const wallMs: number[] = []
    let requests = 0
    let exitCode: number | null = null
    for (let round = 0; round < rounds; round++) {
      sim.reset()
      // A fresh comment each round, so every round does the same requests as a first run.
      sim.state.comments.splice(0)
      const run = await runOnPullRequest({ sim, files })
      wallMs.push(run.durationMs)
      requests = sim.requests.length
      exitCode = run.exitCode
    }
    sim.assertNoViolations()
    return { links, wallMs, requests, exitCode }
  } finally {
    await sim.close()
  }
}

const rounds = Number(process.argv[2] ?? '5')
const typical = await measure(10, rounds)
const manyLinks = await measure(40, rounds)
process.stdout.write(`${JSON.stringify({ typical, manyLinks })}\n`)

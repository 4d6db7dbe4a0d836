/**
 * `npm run demo`: the whole product on our example minutes, with no GitHub account and no
 * network. It starts the GitHub API simulation (test-support/github-sim) holding
 * examples/minutes-repo, runs the bundled action (dist/index.js) as the Actions runner does,
 * first for a pull request adding a week of minutes, then for its merge, then on a schedule
 * preparing the next meeting's minutes, and prints what a user would see, including the
 * dashboard issue of open action items the merge kept. Bundled to dist/demo/ by `npm run build`.
 */
import type { GitHubSim } from '../test-support/github-sim/index.js'
import type { ActionRun } from '../test-support/run-action.js'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EXAMPLE_TREE, FULL_NAME, HEAD_SHA, PR_NUMBER, WEEKLY, runOnPullRequest, runOnPush, runOnSchedule, startMinutesRepo } from '../test-support/minutes-scenario.js'

const started = performance.now()
const out = (text = ''): void => {
  process.stdout.write(`${text}\n`)
}

function heading(title: string): void {
  out()
  out(`━━ ${title} ${'━'.repeat(Math.max(0, 76 - title.length))}`)
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `  │ ${line}`)
    .join('\n')
}

function showRun(run: ActionRun, requestsBefore: number, sim: GitHubSim): void {
  out('Annotations:')
  for (const annotation of run.annotations) {
    const where = annotation.file ? `${annotation.file}:${annotation.line}:${annotation.col}` : '(step)'
    out(`  ${annotation.level.padEnd(7)} ${where}  ${annotation.message}${annotation.title ? `  [${annotation.title.replace('minutes: ', '')}]` : ''}`)
  }
  out(`Step result: ${run.failed ? 'failed (an error finding; fail-on: error)' : 'passed'} in ${run.durationMs} ms`)
  const requests = sim.requests.slice(requestsBefore)
  out(`GitHub API requests: ${requests.length}`)
  for (const request of requests) out(`  ${request.method.padEnd(5)} ${request.path} → ${request.status}`)
}

const sim = await startMinutesRepo()
try {
  out(`minutes-automation demo: the bundled action (dist/index.js) against a simulated GitHub API`)
  out(`Repository ${FULL_NAME} = examples/minutes-repo; pull request #${PR_NUMBER} adds ${WEEKLY}.`)

  heading(`1. Pull request #${PR_NUMBER} (event: pull_request)`)
  const pr = await runOnPullRequest({ sim, files: EXAMPLE_TREE })
  showRun(pr, 0, sim)
  out()
  out(`The summary comment on PR #${PR_NUMBER} (${pr.outputs['comment-url']}); the job summary shows the same:`)
  out(indent(sim.state.comments[0]?.body ?? '(none)'))

  heading('2. The same PR run again (a re-run, or a push that changes nothing relevant)')
  const before = sim.requests.length
  await runOnPullRequest({ sim, files: EXAMPLE_TREE })
  out(`Writes: ${sim.requests.slice(before).filter((request) => request.method !== 'GET').length} (the comment already says it all)`)

  heading('3. Merge: push to main (event: push)')
  const pushBefore = sim.requests.length
  const merge = await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })
  showRun(merge, pushBefore, sim)
  out()
  const dashboard = sim.state.issues.find((issue) => issue.labels.includes('minutes-dashboard'))
  out('Issues created for the action items:')
  for (const issue of sim.state.issues.filter((each) => each !== dashboard)) {
    out(`  #${issue.number} ${issue.title}  (labels: ${issue.labels.join(', ')}; assignees: ${issue.assignees.join(', ') || 'none: not assignable, named in the body'})`)
  }
  out()
  out(`Body of #${sim.state.issues[0]?.number}:`)
  out(indent(sim.state.issues[0]?.body ?? ''))
  out()
  out(`The dashboard of open action items, #${dashboard?.number} “${dashboard?.title}” (output dashboard-url: ${merge.outputs['dashboard-url']}), kept on every merge:`)
  out(indent(dashboard?.body ?? '(none)'))

  heading('4. Monday morning: the next meeting prepared (event: schedule, prepare-next: community-call)')
  const scheduleBefore = sim.requests.length
  const scheduled = await runOnSchedule({
    sim,
    files: EXAMPLE_TREE,
    sha: HEAD_SHA,
    today: '2026-11-23',
    // The scheduled job only prepares, as the README's workflow: findings are the pull requests'
    // business, and the merges keep the issues and the dashboard.
    inputs: { 'prepare-next': 'community-call', 'fail-on': 'never', 'create-issues': 'never' },
    inspect: async (workspace, run) => {
      const path = run.outputs['prepared-file'] ?? ''
      out(`prepared-file: ${path || '(none)'}; a later step (peter-evans/create-pull-request) opens the pull request.`)
      if (path) out(indent(await readFile(join(workspace, path), 'utf8')))
    },
  })
  out(`Step result: ${scheduled.failed ? 'failed' : 'passed'}; GitHub API requests: ${sim.requests.length - scheduleBefore}, writes: ${sim.requests.slice(scheduleBefore).filter((request) => request.method !== 'GET').length}`)
  out('The minute-taker ticks the items done in the meeting; the merge closes their issues.')

  sim.assertNoViolations()
  out()
  out(`Every request was checked against GitHub's OpenAPI description: no violations. Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
} finally {
  await sim.close()
}

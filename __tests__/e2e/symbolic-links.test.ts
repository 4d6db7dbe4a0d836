import { afterEach, describe, expect, test } from '@jest/globals'
import { blobSha, type GitHubSim } from '../../test-support/github-sim/index.js'
import { HEAD_SHA, PR_NUMBER, WEEKLY, requestLines, runOnPullRequest, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'
import { JOINT, LINKED_BASE, LINKED_TREE, LINK_INSIDE, LINK_INSIDE_WRITTEN, LINK_OUTSIDE, LINK_OUTSIDE_WRITTEN } from '../../test-support/symbolic-link-scenario.js'

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

interface ReportJson {
  files: Array<{ path: string; findings: Array<{ rule: string; severity: string; line: number; message: string }>; actionItems: Array<{ line: number; owners: string[]; text: string }> }>
}

describe('symbolic links of a pull request read through the API (pull_request_target)', () => {
  test('a link inside the repository is checked as its target, once; a link out of it is never read', async () => {
    sim = await startMinutesRepo(LINKED_TREE, LINKED_BASE)
    const run = await runOnPullRequest({ sim, files: LINKED_TREE, eventName: 'pull_request_target' })

    const linkAnnotations = run.annotations.filter((annotation) => annotation.title === 'minutes: symbolic-link')
    expect(linkAnnotations).toEqual([
      {
        level: 'warning',
        message: `A symbolic link to \`${LINK_OUTSIDE_WRITTEN}\`, outside the repository: not read, so not checked.`,
        file: LINK_OUTSIDE,
        title: 'minutes: symbolic-link',
        line: 1,
        col: 1,
        endLine: 1,
        endColumn: 1,
      },
      {
        level: 'notice',
        message: `A symbolic link to \`${JOINT}\`: checked as that file.`,
        file: LINK_INSIDE,
        title: 'minutes: symbolic-link',
        line: 1,
        col: 1,
        endLine: 1,
        endColumn: 1,
      },
    ])
    expect(run.logLines).toContain('4 files checked: 1 error, 2 warnings, 1 note.')

    // The report: each link has its one finding and no action items; the target has its own, once.
    const report = JSON.parse(run.outputs.findings ?? '{}') as ReportJson
    expect(report.files.map((file) => file.path)).toEqual([WEEKLY, JOINT, LINK_OUTSIDE, LINK_INSIDE])
    const fileOf = (path: string) => report.files.find((file) => file.path === path)
    expect(fileOf(LINK_INSIDE)).toMatchObject({ findings: [{ rule: 'symbolic-link', severity: 'info' }], actionItems: [] })
    expect(fileOf(LINK_OUTSIDE)).toMatchObject({ findings: [{ rule: 'symbolic-link', severity: 'warning' }], actionItems: [] })
    expect(fileOf(JOINT)?.findings).toEqual([])
    const items = JSON.parse(run.outputs['action-items'] ?? '[]') as Array<{ path: string; line: number; owners: string[]; text: string }>
    expect(items.filter((item) => item.path !== WEEKLY).map(({ path, line, owners, text }) => `${path}:${line} ${owners.join(',')} ${text}`)).toEqual([
      `${JOINT}:11 alice draft the storage class migration plan`,
      `${JOINT}:12 dave measure the rebuild time of a failed NVMe disk`,
    ])

    // The comment shows both links' findings with their paths as code, nothing more.
    const comment = sim.state.comments[0]?.body ?? ''
    expect(comment).toContain(`A symbolic link to \`${LINK_OUTSIDE_WRITTEN}\`, outside the repository: not read, so not checked.`)
    expect(comment).toContain(`A symbolic link to \`${JOINT}\`: checked as that file.`)

    // One tree listing, one blob per link, then each checked file read once: never a link's path.
    const at = `?ref=${HEAD_SHA}`
    const lines = requestLines(sim)
    expect([...lines].sort()).toEqual(
      [
        `GET /repos/acme/minutes/issues/${PR_NUMBER}/comments?per_page=100 → 200`,
        `GET /repos/acme/minutes/pulls/${PR_NUMBER}/files?per_page=100 → 200`,
        // The configuration is the base commit's (issue 17): never the pull request's own.
        `GET /repos/acme/minutes/contents/.github/minutes.yml?ref=${'a'.repeat(40)} → 200`,
        `GET /repos/acme/minutes/git/trees/${HEAD_SHA}?recursive=true → 200`,
        `GET /repos/acme/minutes/git/blobs/${blobSha(LINK_INSIDE_WRITTEN)} → 200`,
        `GET /repos/acme/minutes/git/blobs/${blobSha(LINK_OUTSIDE_WRITTEN)} → 200`,
        `GET /repos/acme/minutes/contents/${WEEKLY}${at} → 200`,
        `GET /repos/acme/minutes/contents/${JOINT}${at} → 200`,
        'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200',
        `POST /repos/acme/minutes/issues/${PR_NUMBER}/comments → 201`,
      ].sort(),
    )
    const tree = lines.findIndex((line) => line.includes('/git/trees/'))
    const blobs = lines.flatMap((line, index) => (line.includes('/git/blobs/') ? [index] : []))
    expect(blobs.every((index) => index > tree)).toBe(true)
  })
})

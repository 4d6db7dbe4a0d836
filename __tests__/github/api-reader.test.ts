import { afterEach, describe, expect, test } from '@jest/globals'
import { checkRepository } from '../../src/check/check-repository.js'
import { apiReader } from '../../src/github/api-reader.js'
import { createGitHubClient } from '../../src/github/client.js'
import { localReader } from '../../src/read/local-reader.js'
import type { RunReport } from '../../src/report/types.js'
import { blobSha, createGitHubSim, symlink, type GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, HEAD_SHA, requestLines } from '../../test-support/minutes-scenario.js'
import { JOINT, LINKED_TREE, LINK_INSIDE, LINK_INSIDE_WRITTEN, LINK_OUTSIDE, LINK_OUTSIDE_WRITTEN } from '../../test-support/symbolic-link-scenario.js'
import { removeWorkspace, writeWorkspace, type CommitTree } from '../../test-support/workspace.js'

let sim: GitHubSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function readerOver(files: CommitTree) {
  sim = await createGitHubSim({ repo: { owner: 'acme', name: 'minutes' }, commits: { [HEAD_SHA]: files }, branches: { main: HEAD_SHA } })
  const { client } = createGitHubClient({ token: 'ghs_simulated', baseUrl: sim.url, warn: () => {}, timeScale: 0.001 })
  return apiReader(client, { owner: 'acme', repo: 'minutes' }, HEAD_SHA)
}

/** `path:line rule message` of every finding, and `path:line owner text` of every action item. */
function outcome(report: RunReport) {
  return {
    findings: report.files.flatMap((file) => file.findings.map((finding) => `${file.path}:${finding.line} ${finding.severity} ${finding.rule} ${finding.message}`)),
    actionItems: report.files.flatMap((file) => file.actionItems.map((item) => `${file.path}:${item.line} ${item.owners.join(',')} ${item.text}`)),
  }
}

describe('apiReader: symbolic links read through the REST API', () => {
  test('lists the links of the tree with their targets: one blob read per link, nothing else', async () => {
    const reader = await readerOver(LINKED_TREE)
    const links = await reader.symbolicLinks?.()
    expect(links).toEqual(
      new Map([
        [LINK_OUTSIDE, { written: LINK_OUTSIDE_WRITTEN, target: null }],
        [LINK_INSIDE, { written: LINK_INSIDE_WRITTEN, target: JOINT }],
      ]),
    )
    expect(await reader.listFiles()).toEqual(Object.keys(LINKED_TREE).sort())
    // The tree first (the links are known from it), then each link's blob, in parallel.
    const blob = (written: string) => `GET /repos/acme/minutes/git/blobs/${blobSha(written)} → 200`
    const lines = requestLines(sim!)
    expect(lines[0]).toBe(`GET /repos/acme/minutes/git/trees/${HEAD_SHA}?recursive=true → 200`)
    expect(lines.slice(1).sort()).toEqual([blob(LINK_INSIDE_WRITTEN), blob(LINK_OUTSIDE_WRITTEN)].sort())
    sim!.assertNoViolations()
  })

  test('a tree without links costs the one tree request', async () => {
    const reader = await readerOver(EXAMPLE_TREE)
    expect(await reader.symbolicLinks?.()).toEqual(new Map())
    expect(await reader.listFiles()).toEqual(Object.keys(EXAMPLE_TREE).sort())
    expect(requestLines(sim!)).toEqual([`GET /repos/acme/minutes/git/trees/${HEAD_SHA}?recursive=true → 200`])
  })

  test('a link to a folder is not listed, as a checkout does not walk it', async () => {
    const reader = await readerOver({ ...LINKED_TREE, archive: symlink('platform') })
    expect(await reader.listFiles()).toEqual(Object.keys(LINKED_TREE).sort())
    expect([...((await reader.symbolicLinks?.()) ?? new Map()).keys()]).toEqual([LINK_OUTSIDE, LINK_INSIDE])
  })

  test('the whole check gives the findings and action items a checkout gives; link paths are never read', async () => {
    const reader = await readerOver(LINKED_TREE)
    const throughApi = await checkRepository(reader, {})
    const workspace = await writeWorkspace(LINKED_TREE)
    try {
      const fromCheckout = await checkRepository(localReader(workspace), {})
      expect(outcome(throughApi.report)).toEqual(outcome(fromCheckout.report))
    } finally {
      await removeWorkspace(workspace)
    }
    const { findings, actionItems } = outcome(throughApi.report)
    expect(findings.filter((line) => line.includes('symbolic-link'))).toEqual([
      `${LINK_OUTSIDE}:1 warning symbolic-link A symbolic link to \`${LINK_OUTSIDE_WRITTEN}\`, outside the repository: not read, so not checked.`,
      `${LINK_INSIDE}:1 info symbolic-link A symbolic link to \`${JOINT}\`: checked as that file.`,
    ])
    expect(actionItems.filter((line) => line.includes('20261126'))).toEqual([
      `${JOINT}:11 alice draft the storage class migration plan`,
      `${JOINT}:12 dave measure the rebuild time of a failed NVMe disk`,
    ])
    const contents = sim!.requests.filter((request) => request.path.includes('/contents/')).map((request) => request.path.replace('/repos/acme/minutes/contents/', ''))
    expect(contents).not.toContain(LINK_INSIDE)
    expect(contents).not.toContain(LINK_OUTSIDE)
    expect(contents.filter((path) => path === JOINT)).toEqual([JOINT])
    sim!.assertNoViolations()
  })
})

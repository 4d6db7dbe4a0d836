// Issue 22: every file is parsed once per run. A file whose check depends on the repository
// (it links to github.com) is held, its tree kept, until the repository is known.
import { describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { checkRepository } from '../../src/check/check-repository.js'
import { checkSource } from '../../src/check/check-source.js'
import { examineFile, type FileTask, type HeldTrees } from '../../src/check/examine-file.js'
import { examineInWorkers, WarmWorkers } from '../../src/check/check-pool.js'
import type { ParsedFile } from '../../src/check/check-source.js'
import { RepositoryGate } from '../../src/check/repository-gate.js'
import { layoutFactsOf, type LayoutFacts } from '../../src/init/layout-facts.js'
import { loadConfig } from '../../src/config/load-config.js'
import { dependsOnRepository } from '../../src/links/resolve-link.js'
import { indexRepository } from '../../src/repo/repo-index.js'
import type { RepoReader } from '../../src/read/repo-reader.js'
import { runCli } from '../../src/cli/main.js'
import { bundleBuilt, CLI_BUNDLE } from '../../test-support/hostile.js'
import { PROJECT_ROOT, REAL_MINUTES, realMinutesAvailable } from '../../test-support/real-minutes.js'
import { readInitInput } from '../../test-support/init-input.js'
import { layoutsInThread } from '../../src/init/infer-config.js'
import { readLayout } from '../../src/init/read-layout.js'

const files: Record<string, string> = {
  'community-call/20261119.md': '# 2026-11-19\n\n- IaaS: https://github.com/acme/minutes/blob/main/iaas/20261117.md\n- [Elsewhere](https://example.org/x)\n',
  'iaas/20261118.md': '# 2026-11-18\n\nSee [the call](../community-call/20261119.md) and [gone](../iaas/20261104.md).\n',
}
const index = indexRepository(Object.keys(files))
const config = loadConfig(null)
const context = { config, index, removed: new Set<string>() }
const task = (path: string, extra: Partial<FileTask> = {}): FileTask => ({ path, content: files[path]!, check: 'always', wantsLinks: false, ...extra })

describe('which links resolve by the repository', () => {
  test('absolute links to github.com files and folders do; issues, other hosts and relative links do not', () => {
    for (const url of ['https://github.com/acme/minutes/blob/main/a.md', ' //www.github.com/acme/minutes/tree/main/iaas ', 'http://GitHub.com/acme/minutes/blob/x']) expect([url, dependsOnRepository(url)]).toEqual([url, true])
    for (const url of ['https://github.com/acme/minutes/issues/4', 'https://github.com/acme', 'https://gitlab.com/acme/minutes/blob/main/a.md', '../a.md', '/github.com/acme/minutes/blob/main/a.md', 'mailto:x@github.com', '#blob'])
      expect([url, dependsOnRepository(url)]).toEqual([url, false])
  })
})

describe('examining a file once', () => {
  test('with the repository not known yet, a file linking to github.com is held and its links told; one without is checked at once', () => {
    const held: HeldTrees = new Map()
    const call = examineFile(task('community-call/20261119.md', { wantsLinks: true }), { known: false }, context, held, 0)
    expect(call).toEqual({ held: true, links: ['https://github.com/acme/minutes/blob/main/iaas/20261117.md', 'https://example.org/x'] })
    expect(held.has(0)).toBe(true)
    const team = examineFile(task('iaas/20261118.md'), { known: false }, context, held, 1)
    expect(team).toEqual({ held: false, report: checkSource(task('iaas/20261118.md'), { config: { ...config, repository: 'acme/minutes' }, index }), links: null, linking: false })
  })

  test('a held file is checked from its kept tree once the repository is known, as a check with the repository from the start', () => {
    const held: HeldTrees = new Map()
    examineFile(task('community-call/20261119.md'), { known: false }, context, held, 0)
    // The bytes are not read again: the kept tree is checked (empty content here would give no finding).
    const later = examineFile(task('community-call/20261119.md', { content: '' }), { known: true, repository: 'acme/minutes' }, context, held, 0)
    const direct = checkSource(task('community-call/20261119.md'), { config: { ...config, repository: 'acme/minutes' }, index })
    expect(later).toEqual({ held: false, report: direct, links: null, linking: false })
    expect(direct?.findings.map((finding) => finding.rule)).toContain('link-target-exists')
    expect(held.size).toBe(0)
  })

  test('a file read only for its links is not checked; one that may link to a removed path is checked only when it does', () => {
    const held: HeldTrees = new Map()
    const removed = { ...context, removed: new Set(['community-call/20261119.md']) }
    expect(examineFile(task('iaas/20261118.md', { check: 'never', wantsLinks: true }), { known: false }, context, held, 0)).toEqual({
      held: false,
      report: null,
      links: ['../community-call/20261119.md', '../iaas/20261104.md'],
      linking: false,
    })
    const linking = examineFile(task('iaas/20261118.md', { check: 'if-linking' }), { known: true, repository: null }, removed, held, 1)
    expect(linking).toMatchObject({ held: false, linking: true })
    expect(linking.held === false && linking.report?.path).toBe('iaas/20261118.md')
    expect(examineFile(task('iaas/20261118.md', { check: 'if-linking' }), { known: true, repository: null }, context, held, 2)).toEqual({ held: false, report: null, links: null, linking: false })
  })
})

describe("init's two runs over one parse", () => {
  test('a layout task sends back the facts and keeps the tree; the next check of that path reads the kept tree, once', () => {
    const kept = new Map<string, ParsedFile>()
    const path = 'iaas/20261118.md'
    const layout = examineFile(task(path, { check: 'never', wantsFacts: true, keep: true }), { known: true, repository: null }, { ...context, kept, readTree: layoutFactsOf }, new Map(), 0)
    const tree = kept.get(path)!.tree
    expect(layout).toEqual({ held: false, report: null, links: null, linking: false, facts: layoutFactsOf(path, tree, index), kept: true })
    expect(layout.held === false && (layout.facts as LayoutFacts).facts.links).toEqual(['../community-call/20261119.md', '../iaas/20261104.md'])
    // Other bytes under the same path: the kept tree is what is checked (its broken link), not these.
    const checked = examineFile(task(path, { content: '# 2026-11-18\n' }), { known: true, repository: null }, { ...context, kept }, new Map(), 0)
    expect(checked).toEqual({ held: false, report: checkSource(task(path), context), links: null, linking: false })
    expect(kept.size).toBe(0)
    const again = examineFile(task(path, { content: '# 2026-11-18\n' }), { known: true, repository: null }, { ...context, kept }, new Map(), 0)
    expect(again.held === false && again.report?.findings).toEqual([])
  })
})

describe('a first run whose repository comes from the remote after the pass', () => {
  test('the held checks wait for the remote, then resolve github.com links against it', async () => {
    // The only github.com link names a path that does not exist: the links cannot tell the repository.
    let hinted = 0
    const reader: RepoReader = {
      listFiles: () => Promise.resolve(Object.keys(files).sort()),
      readFile: (path) => Promise.resolve(files[path] === undefined ? null : new TextEncoder().encode(files[path])),
      repositoryHint: () => {
        hinted++
        return new Promise((resolve) => setTimeout(() => resolve('acme/minutes'), 20))
      },
    }
    const result = await checkRepository(reader, { jobs: 0 })
    expect(hinted).toBe(1)
    expect(result.repositorySource).toBe('remote')
    expect(result.config.repository).toBe('acme/minutes')
    const call = result.report.files.find((file) => file.path === 'community-call/20261119.md')
    expect(call?.findings.filter((finding) => finding.rule === 'link-target-exists').map((finding) => finding.message)).toEqual([expect.stringContaining('iaas/20261117.md')])
  })
})

const describeBuilt = bundleBuilt ? describe : describe.skip
describeBuilt('init on the worker threads', () => {
  test('a warm worker keeps the trees of one run and checks them in the next (one worker: with two, one that runs out of its own files parses the other files again)', async () => {
    const paths = Array.from({ length: 12 }, (_, at) => `iaas/202611${String(at + 10)}.md`)
    const item = (at: number) => `# 2026-11-${at + 10}\n\n## Actions\n\n- AI @bob: item ${at}\n`
    const allPaths = [...paths]
    const warm = new WarmWorkers(CLI_BUNDLE, 1)
    try {
      const layout = await examineInWorkers(
        paths.map((path, at): FileTask => ({ path, content: item(at), check: 'never', wantsLinks: false, wantsFacts: true, keep: true })),
        { config, allPaths, removed: [] },
        new RepositoryGate(null),
        { jobs: 1, workerScript: CLI_BUNDLE, warm },
      )
      expect(layout.map((result) => (result.facts as LayoutFacts).facts.path)).toEqual(paths)
      // The same paths with other bytes: each report is the kept tree's (its one action item).
      const checked = await examineInWorkers(
        paths.map((path): FileTask => ({ path, content: '# 2026-11-10\n', check: 'always', wantsLinks: false })),
        { config, allPaths, removed: [] },
        new RepositoryGate(null),
        { jobs: 1, workerScript: CLI_BUNDLE, warm },
      )
      expect(checked.map((result) => result.report?.actionItems.map((action) => action.text))).toEqual(paths.map((_, at) => [`item ${at}`]))
    } finally {
      warm.release()
    }
  }, 60_000)

  test("`init` reads each file's layout once, in the workers, as it would in this thread", async () => {
    const roots = [join(PROJECT_ROOT, 'examples/other-layouts'), join(PROJECT_ROOT, 'examples/minutes-repo'), ...(realMinutesAvailable ? [REAL_MINUTES] : [])]
    for (const root of roots) {
      const input = await readInitInput(root)
      const inThread = layoutsInThread(input)
      expect([...inThread.values()].filter((layout) => layout !== null).length).toBeGreaterThan(2)
      const inWorkers = await readLayout(input, CLI_BUNDLE)
      // Same files, same order, same facts (plain data, as the workers send them back).
      expect([...inWorkers.keys()]).toEqual([...inThread.keys()])
      expect(inWorkers).toEqual(inThread)
    }
  }, 120_000)

  test('`init --dry-run` prints the same with its preview check in workers as in this thread', async () => {
    const root = join(PROJECT_ROOT, 'examples/other-layouts')
    const run = async (workerScript: string | undefined) => {
      let out = ''
      const code = await runCli(['init', '--dry-run', '--root', root], { cwd: root, stdout: (text) => (out += text), stderr: (text) => (out += text), workerScript })
      return { code, out }
    }
    const here = await run(undefined)
    expect(here.code).toBe(0)
    expect(here.out).toMatch(/\d+ (error|warning|finding)/)
    expect(await run(CLI_BUNDLE)).toEqual(here)
  }, 120_000)
})

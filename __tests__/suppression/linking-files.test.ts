import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { filesLinkingTo } from '../../src/check/linking-files.js'
import { checkWorkspace } from '../../src/check/check-repository.js'
import { loadConfig } from '../../src/config/load-config.js'
import { indexRepository } from '../../src/repo/repo-index.js'
import { listRepoFiles } from '../../src/read/local-repo.js'
import { REAL_MINUTES, REAL_REPOSITORY, describeRealMinutes } from '../../test-support/real-minutes.js'

const REPO = 'acme/minutes'

describe('files that link to a removed file', () => {
  const files: Record<string, string> = {
    'weekly/20261112.md': '# 2026-11-12\n\nMinutes: https://github.com/acme/minutes/blob/main/platform/20261111.md\n',
    'weekly/20261105.md': '# 2026-11-05\n\n- See [platform](../platform/20261104) and [ref][p].\n\n[p]: /platform/20261111.md\n',
    'weekly/20261029.md': '# 2026-10-29\n\nNames 20261111.md in text only, and links [elsewhere](https://github.com/other/repo/blob/main/platform/20261111.md).\n',
    'platform/20261118.md': '# 2026-11-18\n',
  }
  const sources = Object.entries(files).map(([path, content]) => ({ path, content }))
  const index = indexRepository(Object.keys(files))
  const config = loadConfig(null)

  test('absolute github.com links, relative links without .md, and reference definitions count; mere mentions and other repositories do not', () => {
    expect(filesLinkingTo(sources, new Set(['platform/20261111.md']), { config, repository: REPO, index })).toEqual(['weekly/20261112.md', 'weekly/20261105.md'].sort())
    expect(filesLinkingTo(sources, new Set(['platform/20261104.md']), { config, repository: REPO, index })).toEqual(['weekly/20261105.md'])
  })

  test('without a known repository only relative links count', () => {
    expect(filesLinkingTo(sources, new Set(['platform/20261111.md']), { config, repository: null, index })).toEqual(['weekly/20261105.md'])
  })

  test('nothing removed: nothing to find', () => {
    expect(filesLinkingTo(sources, new Set(), { config, repository: REPO, index })).toEqual([])
  })

  test('a file nested past the budget links nothing here and does not stop the search (its own check reports it)', () => {
    const hostile = { path: 'weekly/20261119.md', content: `# 2026-11-19\n\n[platform](../platform/20261111.md)\n\n${'- '.repeat(4000)}x\n` }
    expect(filesLinkingTo([hostile, ...sources], new Set(['platform/20261111.md']), { config, repository: REPO, index })).toEqual(['weekly/20261105.md', 'weekly/20261112.md'])
  })
})

describeRealMinutes('on the real minutes: deleting team minutes re-checks the weekly that links them', () => {
  test('iaas/20230222.md removed: community-call/20230223.md is checked too, and its link is reported', async () => {
    const removed = 'iaas/20230222.md'
    const all = await listRepoFiles(REAL_MINUTES)
    const head = all.filter((path) => path !== removed)
    const index = indexRepository(head)
    const config = loadConfig(null)
    const sources = head.filter((path) => path.endsWith('.md')).map((path) => ({ path, content: readFileSync(join(REAL_MINUTES, path)) }))
    expect(filesLinkingTo(sources, new Set([removed]), { config, repository: REAL_REPOSITORY, index })).toEqual(['community-call/20230223.md'])

    // Through the orchestrator: a path a push removed and added back (it is in the tree) broke no link.
    const result = await checkWorkspace({ root: REAL_MINUTES, repository: REAL_REPOSITORY, onlyPaths: ['iaas/20230322.md'], removedPaths: ['iaas/20230118.md'] })
    expect(result.linkingFiles).toEqual([])
    expect(result.report.files.map((file) => file.path)).toEqual(['iaas/20230322.md'])
  })
})

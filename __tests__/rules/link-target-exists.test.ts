import { describe, expect, test } from '@jest/globals'
import { checkInMemory, findingsOf } from '../../test-support/check-in-memory.js'

const PATH = 'community-call/20230323.md'
const TEAM_FILES = {
  'iaas/20230322.md': '# 2023-03-22\n',
  'iaas/20230315.md': '# 2023-03-15\n',
  'ops/20230216.md': '# 2023-02-16\n',
  'docs/guide.md': '# Guide\n',
}

function check(link: string) {
  const repo = { [PATH]: `# 2023-03-23\n\nSee ${link}\n`, ...TEAM_FILES }
  return checkInMemory(repo, PATH, { configYaml: 'profiles:\n  weekly:\n    rules: {required-section: off, minute-taker: off}\n' })
}

describe('link-target-exists', () => {
  test.each([
    ['https://github.com/acme/minutes/blob/main/iaas/20230322.md'],
    ['https://github.com/ACME/Minutes/blob/main/iaas/20230322.md#agenda'],
    ['<https://github.com/acme/minutes/tree/main/iaas>'],
    ['https://github.com/acme/minutes/blob/feature/new-minutes/iaas/20230322.md'],
    ['[IaaS](../iaas/20230322.md)'],
    ['[IaaS](/iaas/20230322.md)'],
    ['[guide](../docs/guide.md#install)'],
    ['[folder](../iaas/)'],
    ['https://github.com/other/repo/blob/main/iaas/20990101.md'],
    ['https://example.com/iaas/20990101.md'],
    ['[mail](mailto:someone@example.com)'],
    ['[anchor](#team-updates)'],
  ])('%s resolves or is not ours to check', (link) => {
    expect(findingsOf(check(link), 'link-target-exists')).toEqual([])
  })

  test('a dated file a day off is a typo: the fix is suggested', () => {
    const report = check('https://github.com/acme/minutes/blob/main/iaas/20230321.md')
    expect(findingsOf(report, 'link-target-exists')).toEqual([
      '3:5 error link-target-exists Cannot find `iaas/20230321.md`; did you mean `iaas/20230322.md` (1 day later)?',
    ])
    expect(report?.findings[0]).toMatchObject({ endLine: 3, endColumn: 63, suggestion: 'iaas/20230322.md' })
  })

  test('a dated file a week off is missing: the nearest one is context, not a suggestion', () => {
    const report = check('[ops](../ops/20230223.md)')
    expect(findingsOf(report, 'link-target-exists')).toEqual([
      '3:5 error link-target-exists Cannot find `ops/20230223.md`; the nearest minutes in `ops/` are `ops/20230216.md` (7 days earlier).',
    ])
    expect(report?.findings[0]?.suggestion).toBeUndefined()
  })

  test('a missing .md, a wrong letter case, a missing folder, a folder without minutes', () => {
    expect(findingsOf(check('[x](../iaas/20230322)'), 'link-target-exists')).toEqual([
      '3:5 error link-target-exists Cannot find `iaas/20230322`; did you mean `iaas/20230322.md`?',
    ])
    expect(findingsOf(check('[x](../IaaS/20230322.md)'), 'link-target-exists')).toEqual([
      '3:5 error link-target-exists Cannot find `IaaS/20230322.md`; did you mean `iaas/20230322.md`?',
    ])
    expect(findingsOf(check('[x](../container/20230320.md)'), 'link-target-exists')).toEqual([
      '3:5 error link-target-exists Cannot find `container/20230320.md`: there is no folder `container/`.',
    ])
    expect(findingsOf(check('[x](../docs/20230320.md)'), 'link-target-exists')).toEqual([
      '3:5 error link-target-exists Cannot find `docs/20230320.md`: there are no dated minutes in `docs/`.',
    ])
    expect(findingsOf(check('[x](../docs/missing.md)'), 'link-target-exists')).toEqual([
      '3:5 error link-target-exists Cannot find `docs/missing.md`.',
    ])
  })

  test('a branch name with slashes still finds the path', () => {
    expect(findingsOf(check('https://github.com/acme/minutes/blob/release/2023/r4/iaas/20230322.md'), 'link-target-exists')).toEqual([])
  })

  test('without a known repository, absolute links are not checked but relative ones are', () => {
    const repo = { [PATH]: '# 2023-03-23\n\nhttps://github.com/acme/minutes/blob/main/nope.md [x](../nope.md)\n' }
    const report = checkInMemory(repo, PATH, { repository: null })
    expect(findingsOf(report, 'link-target-exists')).toEqual(['3:51 error link-target-exists Cannot find `nope.md`.'])
  })
})

describe('link suggestions beyond dated files', () => {
  const FILES = {
    'Charter.md': '# Charter\n',
    'meetings/2026-05-06.md': '# 2026-05-06\n',
    'meetings/2026-05-13.md': '# 2026-05-13\n',
    'docs/howto/Onboarding.md': '# Onboarding\n',
    'a/notes.md': '# a\n',
    'b/notes.md': '# b\n',
    'c/notes.md': '# c\n',
    'd/notes.md': '# d\n',
  }
  const CONFIG = 'profiles:\n  steering:\n    paths: ["meetings/YYYY-MM-DD.md"]\n    rules: {required-section: off}\n'

  function check(link: string) {
    const path = 'meetings/2026-05-20.md'
    return findingsOf(checkInMemory({ ...FILES, [path]: `# 2026-05-20\n\nSee ${link}\n` }, path, { configYaml: CONFIG }), 'link-target-exists')
  }

  test('a file of the same name elsewhere: the relative link to write', () => {
    expect(check('[charter](Charter.md)')).toEqual([
      '3:5 error link-target-exists Cannot find `meetings/Charter.md`; did you mean `../Charter.md` (`Charter.md` at the root)?',
    ])
    expect(check('[onboarding](onboarding)')).toEqual([
      '3:5 error link-target-exists Cannot find `meetings/onboarding`; did you mean `../docs/howto/Onboarding.md` (`Onboarding.md` in `docs/howto/`)?',
    ])
  })

  test('a github.com link is told the repository path', () => {
    expect(check('https://github.com/acme/minutes/blob/main/docs/Onboarding.md')).toEqual([
      '3:5 error link-target-exists Cannot find `docs/Onboarding.md`; did you mean `docs/howto/Onboarding.md`?',
    ])
  })

  test('several files of that name: named, none suggested', () => {
    expect(check('[notes](notes.md)')).toEqual([
      '3:5 error link-target-exists Cannot find `meetings/notes.md`; files of that name: `a/notes.md`, `b/notes.md`, `c/notes.md`, ….',
    ])
  })

  test('a different letter case, a missing .md, and both', () => {
    expect(check('[c](../charter.md)')).toEqual(['3:5 error link-target-exists Cannot find `charter.md`; did you mean `Charter.md`?'])
    expect(check('[c](../Charter)')).toEqual(['3:5 error link-target-exists Cannot find `Charter`; did you mean `Charter.md`?'])
    expect(check('[c](../charter)')).toEqual(['3:5 error link-target-exists Cannot find `charter`; did you mean `Charter.md`?'])
  })

  test('dashed dated names are dated files: a day off is suggested, with suggestWithinDays from the rule options', () => {
    expect(check('[last week](2026-05-12.md)')).toEqual([
      '3:5 error link-target-exists Cannot find `meetings/2026-05-12.md`; did you mean `meetings/2026-05-13.md` (1 day later)?',
    ])
    const path = 'meetings/2026-05-20.md'
    const strict = CONFIG + '    rules: {required-section: off, link-target-exists: {level: warning, suggestWithinDays: 0}}\n'
    const repo = { ...FILES, [path]: '# 2026-05-20\n\nSee [last week](2026-05-12.md)\n' }
    expect(findingsOf(checkInMemory(repo, path, { configYaml: strict.replace('    rules: {required-section: off}\n', '') }), 'link-target-exists')).toEqual([
      '3:5 warning link-target-exists Cannot find `meetings/2026-05-12.md`; the nearest minutes in `meetings/` are `meetings/2026-05-13.md` (1 day later).',
    ])
  })
})

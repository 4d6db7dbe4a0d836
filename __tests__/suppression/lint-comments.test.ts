import { describe, expect, test } from '@jest/globals'
import { checkInMemory, findingsOf } from '../../test-support/check-in-memory.js'

/** Team minutes with two broken links (lines 5 and 9), around which tests put `lint` comments. */
function minutes(before5 = '', before9 = '', top = ''): Record<string, string> {
  const text = [
    `${top}# 2023-03-22`,
    '',
    '## Agenda',
    '',
    `${before5}- See [the old notes](old-notes.md).`,
    '- Sprint review',
    '',
    '## Links',
    `${before9}- Also [the plan](plan.md).`,
    '',
  ].join('\n')
  return { 'iaas/20230322.md': text }
}

const check = (repo: Record<string, string>) => findingsOf(checkInMemory(repo, 'iaas/20230322.md'), 'link-target-exists')

describe('inline `lint` comments (remark-lint message control)', () => {
  test('without comments both broken links are reported', () => {
    expect(check(minutes())).toEqual([
      '5:7 error link-target-exists Cannot find `iaas/old-notes.md`.',
      '9:8 error link-target-exists Cannot find `iaas/plan.md`.',
    ])
  })

  test('`lint ignore` quiets the rule in the next node only', () => {
    expect(check(minutes('<!-- lint ignore link-target-exists -->\n\n'))).toEqual(['11:8 error link-target-exists Cannot find `iaas/plan.md`.'])
  })

  test('`lint disable` quiets the rule from there on; `lint enable` turns it back on', () => {
    const disabled = check(minutes('', '', '<!-- lint disable link-target-exists -->\n\n'))
    expect(disabled).toEqual([])
    const reenabled = minutes('', '<!-- lint enable link-target-exists -->\n\n', '<!-- lint disable link-target-exists -->\n\n')
    expect(check(reenabled)).toEqual(['13:8 error link-target-exists Cannot find `iaas/plan.md`.'])
  })

  test('a comment naming another rule quiets nothing of this one', () => {
    expect(check(minutes('', '', '<!-- lint disable title-date -->\n\n'))).toHaveLength(2)
  })

  test('a comment with an unknown keyword is a positioned finding, and the rules still report', () => {
    const report = checkInMemory(minutes('', '', '<!-- lint silence link-target-exists -->\n\n'), 'iaas/20230322.md')
    expect(findingsOf(report)).toEqual([
      "1:1 error lint-comment Unknown keyword `silence`: expected `'enable'`, `'disable'`, or `'ignore'`",
      '7:7 error link-target-exists Cannot find `iaas/old-notes.md`.',
      '11:8 error link-target-exists Cannot find `iaas/plan.md`.',
    ])
  })
})

import { describe, expect, test } from '@jest/globals'
import { checkInThread } from '../../src/check/check-in-thread.js'
import { checkRepository } from '../../src/check/check-repository.js'
import { checkSource } from '../../src/check/check-source.js'
import { loadConfig } from '../../src/config/load-config.js'
import { decodeUtf8 } from '../../src/parse/decode.js'
import { indexRepository } from '../../src/repo/repo-index.js'
import { findDeepNesting, findLongEmphasisRun } from '../../src/parse/prescan.js'
import type { RepoReader } from '../../src/read/repo-reader.js'
import { checkInMemory, findingsOf } from '../../test-support/check-in-memory.js'

const PATH = 'platform/20261118.md'
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))

describe('the limits configuration', () => {
  test('defaults, and a key given replaces only that budget', () => {
    expect(loadConfig(null).limits).toEqual({ maxFileBytes: 1_000_000, maxFileSeconds: 5, maxNesting: 100, maxActionItems: 1000 })
    expect(loadConfig('limits:\n  maxFileSeconds: 2.5\n').limits).toEqual({ maxFileBytes: 1_000_000, maxFileSeconds: 2.5, maxNesting: 100, maxActionItems: 1000 })
  })

  test('a bad budget is a configuration error naming the key', () => {
    expect(() => loadConfig('limits:\n  maxFileSeconds: 0\n')).toThrow('.github/minutes.yml:2:19: `limits.maxFileSeconds` is 0; it must be more than 0')
    expect(() => loadConfig('limits:\n  maxBytes: 10\n')).toThrow('.github/minutes.yml:2:3: `limits.maxBytes` is not a known key')
  })
})

describe('the time budget in this thread (a run without workers)', () => {
  const context = (seconds: number) => {
    const config = loadConfig(`repository: acme/minutes\nlimits:\n  maxFileSeconds: ${seconds}\n`)
    return { config, index: indexRepository([PATH]) }
  }

  test('a file past it is stopped by the watchdog, whatever try/catch the engine has, and gets the worker\'s finding', () => {
    const slow = `# 2026-11-18\n\n${Array.from({ length: 13 }, () => '[x]'.repeat(2400)).join('\n')}\n`
    expect(findingsOf(checkInThread({ path: PATH, content: slow }, context(0.2)))).toEqual([
      '1:1 error file-too-complex Checking the file took longer than the budget of 0.2 s (limits.maxFileSeconds); it was stopped and is not checked.',
    ])
  })

  test('within it, the report is the check\'s own; and the thread goes on checking after a file was stopped', () => {
    const text = '# 2026-11-18\n\n- AI @bob: write the notes\n\n[gone](nowhere.md)\n'
    expect(checkInThread({ path: PATH, content: text }, context(5))).toEqual(checkSource({ path: PATH, content: text }, context(5)))
  })
})

describe('the action-items budget', () => {
  const items = (count: number) => `# 2026-11-18\n\n## Actions\n\n${Array.from({ length: count }, (_, index) => `- AI @bob: item ${index + 1}`).join('\n')}\n\n[gone](nowhere.md)\n`
  const config = { configYaml: 'limits:\n  maxActionItems: 3\n' }

  test('more items than maxActionItems: one finding on the first item past it, no items kept, the rules\' findings stand', () => {
    const report = checkInMemory({ [PATH]: items(5) }, PATH, config)
    expect(findingsOf(report)).toEqual([
      '8:1 error too-many-action-items The file holds 5 action items, more than the budget of 3 (limits.maxActionItems); none of them are kept as issues.',
      '11:1 error link-target-exists Cannot find `platform/nowhere.md`.',
    ])
    expect(report?.actionItems).toEqual([])
  })

  test('past it, every item counts, of every kind, and the finding stands on the first one past it (here in an indented list)', () => {
    const text = '# 2026-11-18\n\n## Actions\n\n- AI @anna: ask A, AI @ben: ask B\n- AI @carol: write the runbook\n\n#### AIs of last week\n\n    - AI @erin: book the room\n    - AI @frank: order the cake\n\n## Notes\n\n| Action | Owner |\n| --- | --- |\n| send the slides | @gina |\n'
    const unlimited = checkInMemory({ [PATH]: text }, PATH)
    expect(unlimited?.actionItems.map((item) => `${item.line}:${item.column} ${item.text}`)).toEqual(['5:1 ask A', '5:20 ask B', '6:1 write the runbook', '10:5 book the room', '11:5 order the cake', '17:1 send the slides'])
    const report = checkInMemory({ [PATH]: text }, PATH, config)
    expect(findingsOf(report)).toEqual(['10:5 error too-many-action-items The file holds 6 action items, more than the budget of 3 (limits.maxActionItems); none of them are kept as issues.'])
    expect(report?.actionItems).toEqual([])
  })

  test('at the budget every item is kept', () => {
    const report = checkInMemory({ [PATH]: items(3) }, PATH, config)
    expect(findingsOf(report)).toEqual(['9:1 error link-target-exists Cannot find `platform/nowhere.md`.'])
    expect(report?.actionItems.map((item) => [item.line, item.text])).toEqual([
      [5, 'item 1'],
      [6, 'item 2'],
      [7, 'item 3'],
    ])
  })
})

describe('budgets per file, before parsing', () => {
  test('a file over maxFileBytes gets one finding and is not parsed', () => {
    const text = `# 2026-11-18\n\n${'- [broken](nowhere.md)\n'.repeat(50)}`
    const report = checkInMemory({ [PATH]: text }, PATH, { configYaml: 'limits:\n  maxFileBytes: 500\n' })
    expect(findingsOf(report)).toEqual([`1:1 error file-too-large The file is ${text.length} bytes, more than the budget of 500 (limits.maxFileBytes); it is not checked.`])
    expect(report).toMatchObject({ profile: 'team', date: null, teams: [], actionItems: [] })
  })

  test('nesting beyond maxNesting is reported on its line before parsing; at the budget the file is checked', () => {
    const nested = (depth: number) => `# 2026-11-18\n\n- a\n\n${'> '.repeat(depth)}x\n`
    expect(findingsOf(checkInMemory({ [PATH]: nested(11) }, PATH, { configYaml: 'limits:\n  maxNesting: 10\n' }))).toEqual([
      '5:1 error file-too-complex Lists or block quotes nested 11 deep on this line, more than the budget of 10 (limits.maxNesting); the file is not checked.',
    ])
    expect(findingsOf(checkInMemory({ [PATH]: nested(10) }, PATH, { configYaml: 'limits:\n  maxNesting: 10\n' }))).toEqual([])
  })

  test('a run of emphasis markers that would nest deeper than maxNesting is reported where it starts, before parsing', () => {
    const stars = (count: number) => `# 2026-11-18\n\n- a\n\nsee ${'*'.repeat(count)}x${'*'.repeat(count)}\n`
    expect(findingsOf(checkInMemory({ [PATH]: stars(21) }, PATH, { configYaml: 'limits:\n  maxNesting: 10\n' }))).toEqual([
      '5:5 error file-too-complex A run of 21 emphasis markers (* or _) here may nest emphasis 11 deep, more than the budget of 10 (limits.maxNesting); the file is not checked.',
    ])
    expect(findingsOf(checkInMemory({ [PATH]: stars(20) }, PATH, { configYaml: 'limits:\n  maxNesting: 10\n' }))).toEqual([])
    // 8,000 `*` around a word: the parser would need minutes.
    expect(findLongEmphasisRun(`a\r\nb\r__x ${'*'.repeat(8000)}x${'*'.repeat(8000)}`, 100)).toEqual({ length: 8000, depth: 4000, line: 3, column: 5 })
    expect(findLongEmphasisRun(`${'_'.repeat(200)} ${'*'.repeat(200)}`, 100)).toBeNull()
    expect(findLongEmphasisRun(`${'*'.repeat(300)} ${'_'.repeat(201)}`, 100)).toEqual({ length: 300, depth: 150, line: 1, column: 1 })
  })

  test('the pre-scan counts markers of every list kind, block quotes and indentation', () => {
    expect(findDeepNesting('- 1. > * + 2) x\n', 5)).toEqual({ depth: 6, line: 1, column: 1 })
    expect(findDeepNesting('a\r\nb\r' + '  '.repeat(6) + '- x', 6)).toEqual({ depth: 7, line: 3, column: 1 })
    expect(findDeepNesting('-x *y 1.z', 0)).toBeNull()
    expect(findDeepNesting('>x', 0)).toEqual({ depth: 1, line: 1, column: 1 })
    expect(findDeepNesting('--- *** text - - -', 0)).toBeNull()
  })

  test('a binary file is one encoding finding at its first bad byte, with how many more', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('# 2026-11-18\n\nab'), 0xff, 0, 0xfe, 0xfd, 10, 0])
    expect(findingsOf(checkInMemory({ [PATH]: bytes }, PATH))).toEqual([
      '3:3 error encoding A binary file, not text: it holds NUL bytes and bytes that are not valid UTF-8 (the first at byte 16, and 2 more); it is not checked.',
    ])
  })

  test('a Latin-1 file is one encoding finding, not one per byte, and is still checked', () => {
    const text = '# 2026-11-18\n\n- Grüße aus München\n- Café [x](missing.md)\n'
    const report = checkInMemory({ [PATH]: latin1(text) }, PATH)
    expect(findingsOf(report)).toEqual([
      '3:5 error encoding Bytes that are not valid UTF-8 (the first at byte 18, and 3 more); save the file as UTF-8.',
      '4:8 error link-target-exists Cannot find `platform/missing.md`.',
    ])
  })

  test('the first bad byte skips a U+FFFD the file spells, and counts a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a\uFFFDb'), 0xc3, 0x28])
    expect(decodeUtf8(bytes)).toMatchObject({ text: 'a\uFFFDb\uFFFD(', firstInvalidByte: 8 })
  })
})

describe('nothing escapes', () => {
  test('a file that cannot be read gets one finding; the others are checked', async () => {
    const files: Record<string, string> = { 'platform/20261118.md': '# 2026-11-18\n', 'storage/20261119.md': '# 2026-11-19\n' }
    const reader: RepoReader = {
      listFiles: async () => Object.keys(files),
      readFile: async (path) => {
        if (path === 'storage/20261119.md') throw new Error('EACCES: permission denied')
        return path in files ? new TextEncoder().encode(files[path]) : null
      },
      repositoryHint: async () => null,
    }
    const { report } = await checkRepository(reader, {})
    expect(report.files.map((file) => [file.path, findingsOf(file)])).toEqual([
      ['platform/20261118.md', []],
      ['storage/20261119.md', ['1:1 error file-unreadable The file could not be read (EACCES: permission denied).']],
    ])
  })
})

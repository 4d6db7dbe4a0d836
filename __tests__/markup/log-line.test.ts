import { describe, expect, test } from '@jest/globals'
import { logLine } from '../../src/markup/log-line.js'
import { trimTrailing } from '../../src/markup/trim-trailing.js'
import { formatText } from '../../src/report/format-text.js'
import { file, finding, report } from '../plan/fixtures.js'

describe('logLine: one line, whatever the text', () => {
  test('escapes every line break and control character, keeps tabs and everything else', () => {
    expect(logLine('a\nb\r\nc\rd\u2028e\u2029f\u0085g\u000Bh\u000Ci\u001B[31mj\u0000k\u007Fl\tm ünï 😀 %0A ##[x]')).toBe(
      'a\\nb\\r\\nc\\rd\\u2028e\\u2029f\\u0085g\\u000bh\\u000ci\\u001b[31mj\\u0000k\\u007fl\tm ünï 😀 %0A ##[x]',
    )
  })

  test('formatText prints each finding on one line: paths and messages from the minutes escaped', () => {
    const hostile = finding('link-target-exists', 3, 'Cannot find `x\n::add-mask::Minutes`.')
    const text = formatText(report([file('team\r::warning::y/20261119.md', '2026-11-19', { findings: [hostile] })]))
    expect(text).toBe('team\\r::warning::y/20261119.md:3:1 error Cannot find `x\\n::add-mask::Minutes`. link-target-exists\n1 file checked: 1 error, 0 warnings.\n')
  })
})

describe('trimTrailing', () => {
  test('removes white space and the given characters at the end, as /[\\s…]+$/ did', () => {
    expect(trimTrailing('Cancel it: . ,\u00A0', ':;,.')).toBe('Cancel it')
    expect(trimTrailing('a.b', '.')).toBe('a.b')
    expect(trimTrailing('...', '.')).toBe('')
    expect(trimTrailing(`x${'.'.repeat(10)}y`, '.')).toBe(`x${'.'.repeat(10)}y`)
  })
})

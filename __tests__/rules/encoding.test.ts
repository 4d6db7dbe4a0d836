import { describe, expect, test } from '@jest/globals'
import { checkInMemory, findingsOf } from '../../test-support/check-in-memory.js'
import { findMojibake } from '../../src/parse/mojibake.js'

const PATH = 'iaas/20230322.md'

describe('encoding', () => {
  test('mojibake is found with its fix, in any text', () => {
    const report = checkInMemory({ [PATH]: '# 2023-03-22\n\n- GrÃ¼ÃŸe from **MÃ¼nchen** â€” ðŸŽ‰\n' }, PATH)
    expect(findingsOf(report, 'encoding')).toEqual([
      '3:5 error encoding Mis-encoded text “Ã¼ÃŸ”: UTF-8 read as Latin-1; it should read “üß”.',
      '3:19 error encoding Mis-encoded text “Ã¼”: UTF-8 read as Latin-1; it should read “ü”.',
      '3:29 error encoding Mis-encoded text “â€””: UTF-8 read as Latin-1; it should read “—”.',
      '3:33 error encoding Mis-encoded text “ðŸŽ‰”: UTF-8 read as Latin-1; it should read “🎉”.',
    ])
  })

  test('correct non-ASCII text passes: umlauts, dashes, emoji, Latin-1 symbols', () => {
    const text = '# 2023-03-22\n\n- Grüße aus München — 🎉 ½ © « » Ø å\n'
    expect(findingsOf(checkInMemory({ [PATH]: text }, PATH), 'encoding')).toEqual([])
  })

  test('invalid UTF-8 bytes are reported where they are, and the rest is still checked', () => {
    const bytes = Buffer.concat([Buffer.from('# 2023-03-22\n\n- caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')])
    const report = checkInMemory({ [PATH]: new Uint8Array(bytes) }, PATH)
    expect(findingsOf(report, 'encoding')).toEqual([
      '3:6 error encoding Bytes that are not valid UTF-8 (the first at byte 19); save the file as UTF-8.',
    ])
    expect(report?.date).toBe('2023-03-22')
  })

  test('mojibake inside code is not text and is left alone', () => {
    expect(findingsOf(checkInMemory({ [PATH]: '# 2023-03-22\n\n`Ã¼`\n\n```\nðŸŽ‰\n```\n' }, PATH), 'encoding')).toEqual([])
  })

  test('findMojibake decodes Windows-1252 continuation bytes', () => {
    expect(findMojibake('x â€™ y')).toEqual([{ index: 2, raw: 'â€™', fixed: '’' }])
    expect(findMojibake('plain ASCII')).toEqual([])
  })
})

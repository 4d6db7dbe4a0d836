import type { Position } from 'unist'
import { location } from 'vfile-location'
import type { DecodedText } from '../parse/decode.js'
import { findMojibake, mayHoldMojibake } from '../parse/mojibake.js'
import { md } from '../markup/message.js'
import { defineRule } from './define-rule.js'

/**
 * The file is valid UTF-8 and holds no mis-encoded text (UTF-8 read as Latin-1, such as “ðŸŽ‰”).
 *
 * Mojibake is UTF-8 read as Latin-1 or Windows-1252 and saved again (`ðŸŽ‰` for `🎉`, `Ã¼`
 * for `ü`). The message gives the text it should read. Code spans and code blocks are left
 * alone.
 *
 * @example
 *   {"name": "ok.md", "path": "iaas/20230322.md"}
 *
 *   # 2023-03-22
 *
 *   Release 5 is out 🎉, see `ðŸŽ‰` in the old notes.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "iaas/20230322.md"}
 *
 *   # 2023-03-22
 *
 *   Release 5 is out ðŸŽ‰
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   3:18-3:22: error: Mis-encoded text “ðŸŽ‰”: UTF-8 read as Latin-1; it should read “🎉”.
 */
export const encoding = defineRule(
  'encoding',
  (_tree, { model, decoded }, report) => {
    const source = decoded.text
    // The line index is built only for a file with something to report (most have nothing).
    let points: ReturnType<typeof location> | null = null
    const span = (from: number, to: number): Position | undefined => {
      points ??= location(source)
      const start = points.toPoint(from)
      const end = points.toPoint(to)
      return start && end ? { start, end } : undefined
    }
    // One finding for the whole file: a binary or Latin-1 file has thousands of bad bytes.
    const first = decoded.invalidOffsets[0]
    if (first !== undefined) report(invalidBytesMessage(decoded), span(first, first + 1))
    // Mojibake opens with a lead byte read as Latin-1 (Â–ô); a file without one has none.
    if (!mayHoldMojibake(source)) return
    for (const node of model.texts) {
      const from = node.position?.start.offset
      const to = node.position?.end.offset
      if (from === undefined || to === undefined) continue
      // A regex over the source of one text node, so offsets map to exact columns.
      for (const found of findMojibake(source.slice(from, to))) {
        report(
          md`Mis-encoded text “${found.raw}”: UTF-8 read as Latin-1; it should read “${found.fixed}”.`,
          span(from + found.index, from + found.index + found.raw.length),
          { suggestion: found.fixed },
        )
      }
    }
  },
)

/** The one message for bytes that are not UTF-8: where the first is, and how many more there are. */
export function invalidBytesMessage(decoded: DecodedText, binary = false): string {
  const more = decoded.invalidOffsets.length - 1
  const where = decoded.firstInvalidByte === null ? '' : ` (the first at byte ${decoded.firstInvalidByte}${more > 0 ? `, and ${more} more` : ''})`
  return binary
    ? `A binary file, not text: it holds NUL bytes${decoded.invalidOffsets.length > 0 ? ` and bytes that are not valid UTF-8${where}` : ''}; it is not checked.`
    : `Bytes that are not valid UTF-8${where}; save the file as UTF-8.`
}

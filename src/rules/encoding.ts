import type { Position } from 'unist'
import { location } from 'vfile-location'
import { findMojibake } from '../parse/mojibake.js'
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
    const points = location(source)
    const span = (from: number, to: number): Position | undefined => {
      const start = points.toPoint(from)
      const end = points.toPoint(to)
      return start && end ? { start, end } : undefined
    }
    for (const offset of decoded.invalidOffsets) {
      report('Bytes that are not valid UTF-8; save the file as UTF-8.', span(offset, offset + 1))
    }
    for (const node of model.texts) {
      const from = node.position?.start.offset
      const to = node.position?.end.offset
      if (from === undefined || to === undefined) continue
      // A regex over the source of one text node, so offsets map to exact columns.
      for (const found of findMojibake(source.slice(from, to))) {
        report(
          `Mis-encoded text “${found.raw}”: UTF-8 read as Latin-1; it should read “${found.fixed}”.`,
          span(from + found.index, from + found.index + found.raw.length),
          { suggestion: found.fixed },
        )
      }
    }
  },
)

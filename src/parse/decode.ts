/** A file's bytes as text, and where decoding had to guess. */
export interface DecodedText {
  text: string
  /** Offsets in `text` of U+FFFD characters that stand for bytes that are not UTF-8. */
  invalidOffsets: number[]
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false })

/** Decodes UTF-8 (a BOM is dropped); invalid bytes become U+FFFD and are remembered, never lost silently. */
export function decodeUtf8(content: Uint8Array | string): DecodedText {
  if (typeof content === 'string') return { text: content, invalidOffsets: [] }
  try {
    return { text: strict.decode(content), invalidOffsets: [] }
  } catch {
    const text = lenient.decode(content)
    const invalidOffsets: number[] = []
    for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) invalidOffsets.push(at)
    return { text, invalidOffsets }
  }
}

/** A file's bytes as text, and where decoding had to guess. */
export interface DecodedText {
  text: string
  /** Offsets in `text` of U+FFFD characters that stand for bytes that are not UTF-8. */
  invalidOffsets: number[]
  /** Offset in the file's bytes of the first byte that is not UTF-8; null when all are. */
  firstInvalidByte: number | null
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false })
const encoder = new TextEncoder()

/** Bytes git looks at to tell a binary file from text. */
const BINARY_SNIFF_BYTES = 8000

/**
 * Each file's bytes decoded once per thread (issue 22): a run looks at the texts before its
 * check (the names of issue 20, the github.com mentions of a first run), and a check in this
 * thread reads the same text again. Bytes read from a repository are never changed.
 */
const decodedOf = new WeakMap<Uint8Array, DecodedText>()

/** Decodes UTF-8 (a BOM is dropped); invalid bytes become U+FFFD and are remembered, never lost silently. */
export function decodeUtf8(content: Uint8Array | string): DecodedText {
  if (typeof content === 'string') return { text: content, invalidOffsets: [], firstInvalidByte: null }
  let decoded = decodedOf.get(content)
  if (!decoded) decodedOf.set(content, (decoded = decodeBytes(content)))
  return decoded
}

function decodeBytes(content: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(content), invalidOffsets: [], firstInvalidByte: null }
  } catch {
    const text = lenient.decode(content)
    const invalidOffsets: number[] = []
    for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) invalidOffsets.push(at)
    return { text, invalidOffsets, firstInvalidByte: firstInvalidByteOf(content, text, invalidOffsets) }
  }
}

/**
 * Offset in the bytes of the first one that is not UTF-8: the bytes before the first
 * U+FFFD of the decoded text, skipping any U+FFFD the file itself spells (EF BF BD).
 */
function firstInvalidByteOf(content: Uint8Array, text: string, invalidOffsets: readonly number[]): number {
  let byte = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0
  let char = 0
  for (const offset of invalidOffsets) {
    byte += encoder.encode(text.slice(char, offset)).length
    if (content[byte] !== 0xef || content[byte + 1] !== 0xbf || content[byte + 2] !== 0xbd) return byte
    byte += 3
    char = offset + 1
  }
  return byte
}

/** Whether bytes are a binary file rather than text: a NUL byte among the first 8,000, as git decides. */
export function looksBinary(content: Uint8Array | string): boolean {
  if (typeof content === 'string') return false
  return content.subarray(0, BINARY_SNIFF_BYTES).includes(0)
}

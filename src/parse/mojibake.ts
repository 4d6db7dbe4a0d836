/**
 * Mojibake: UTF-8 bytes that were decoded as Latin-1 / Windows-1252 and saved again, so
 * `🎉` reads `ðŸŽ‰`. Found by shape (a lead byte followed by continuation bytes, as
 * Windows-1252 shows them) and confirmed by decoding the bytes back as UTF-8.
 */

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
const CONTINUATION = `[\\u0080-\\u00BF${CP1252_HIGH.replace(/[\u0080-\u009F]/g, '')}]`
const SEQUENCE = new RegExp(
  `(?:[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3})+`,
  'g',
)
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** One run of mis-encoded text and what it should read. */
export interface Mojibake {
  index: number
  raw: string
  fixed: string
}

/** The lead characters every SEQUENCE opens with. */
const LEAD = /[\u00C2-\u00F4]/

/** Whether text may hold mojibake at all: cheap, so a whole file is ruled out at once. */
export function mayHoldMojibake(text: string): boolean {
  return LEAD.test(text)
}

/** Finds mis-encoded runs in one string. */
export function findMojibake(text: string): Mojibake[] {
  const found: Mojibake[] = []
  for (const match of text.matchAll(SEQUENCE)) {
    const fixed = redecode(match[0])
    if (fixed !== null) found.push({ index: match.index, raw: match[0], fixed })
  }
  return found
}

function redecode(raw: string): string | null {
  const bytes = Uint8Array.from(raw, (char) => {
    const code = char.charCodeAt(0)
    const high = CP1252_HIGH.indexOf(char)
    return code <= 0xff ? code : 0x80 + high
  })
  try {
    return utf8.decode(bytes)
  } catch {
    return null
  }
}

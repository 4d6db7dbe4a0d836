/**
 * Whether downloaded bytes are the picture type a file name says, by their first bytes (the
 * "magic numbers"): a server that answers a picture's URL with an HTML page (a login or an
 * error page) never leaves that page in the repository under a `.png` name.
 */
export function isPictureOfType(bytes: Uint8Array, name: string): boolean {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase()
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
  switch (extension) {
    case 'png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    case 'jpg':
    case 'jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff])
    case 'gif':
      return ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a'
    case 'webp':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP'
    case 'avif':
      return hasBrand(bytes, ['avif', 'avis'])
    case 'heic':
    case 'heif':
      return hasBrand(bytes, ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'])
    case 'svg':
      return isSvg(bytes)
    default:
      return false
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, at) => bytes[at] === byte)
}

/** An ISO media file (`....ftyp<major brand>…<compatible brands>`) with one of these brands. */
function hasBrand(bytes: Uint8Array, brands: readonly string[]): boolean {
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(4, 8)) !== 'ftyp') return false
  const boxSize = Math.min(bytes.length, ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0))
  for (let at = 8; at + 4 <= boxSize; at += 4) {
    // Bytes 12–16 are the minor version, not a brand.
    if (at === 12) continue
    if (brands.includes(String.fromCharCode(...bytes.subarray(at, at + 4)))) return true
  }
  return false
}

/** An SVG document: XML whose first element is `<svg`, not an HTML page. */
function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '')
  // Skip the XML declaration, comments and a doctype before the first element.
  const rest = head.replace(/^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '')
  return /^<svg[\s>/]/i.test(rest)
}

import { describe, expect, test } from '@jest/globals'
import { isPictureOfType } from '../../src/cli/picture-bytes.js'

const bytes = (hex: string, text = '') => Buffer.concat([Buffer.from(hex, 'hex'), Buffer.from(text)])
/** An ISO media file's first box: size 24, `ftyp`, the major brand, minor version 0, one compatible brand. */
const ftyp = (major: string, compatible: string) => Buffer.concat([Buffer.from('00000018', 'hex'), Buffer.from(`ftyp${major}`), Buffer.alloc(4), Buffer.from(compatible), Buffer.alloc(4)])

describe('isPictureOfType', () => {
  test.each([
    ['a.png', bytes('89504e470d0a1a0a0000000d49484452')],
    ['a.JPG', bytes('ffd8ffe000104a464946')],
    ['a.jpeg', bytes('ffd8ffdb0043')],
    ['a.gif', bytes('', 'GIF89a\x01\x00')],
    ['a.webp', bytes('', 'RIFF\x24\x00\x00\x00WEBPVP8 ')],
    ['a.avif', ftyp('avif', 'mif1')],
    ['a.heic', ftyp('heic', 'mif1')],
    ['a.heif', ftyp('mif1', 'heic')],
    ['a.svg', bytes('', '<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['b.svg', bytes('efbbbf', '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg>\n<svg width="1">')],
  ])('%s is what its name says', (name, content) => {
    expect(isPictureOfType(content, name)).toBe(true)
  })

  test.each([
    ['a.png', bytes('', '<!doctype html><html><body>Sign in</body></html>')],
    ['a.png', bytes('ffd8ffe000104a464946')],
    ['a.jpg', bytes('89504e470d0a1a0a')],
    ['a.gif', bytes('', 'GIF90a')],
    ['a.webp', bytes('', 'RIFF\x24\x00\x00\x00WAVEfmt ')],
    ['a.avif', ftyp('isom', 'mp41')],
    // The minor version is not a brand.
    ['a.heic', Buffer.concat([Buffer.from('00000010', 'hex'), Buffer.from('ftypisomheic')])],
    ['a.svg', bytes('', '<!doctype html><html><svg></svg></html>')],
    ['a.png', bytes('')],
    ['a.bmp', bytes('424d')],
  ])('%s: case %# is not what its name says', (name, content) => {
    expect(isPictureOfType(content, name)).toBe(false)
  })
})

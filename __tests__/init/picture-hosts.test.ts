import { describe, expect, test } from '@jest/globals'
import { describePictureHost, inferPictureHosts } from '../../src/init/infer-external-images.js'
import { externalPictures } from '../../src/links/external-images.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'

/** Each file's pictures, from Markdown written in the test. */
function picturesOf(files: Record<string, string>) {
  return new Map(Object.entries(files).map(([path, text]) => [path, externalPictures(parseMarkdown(text))]))
}

describe('inferPictureHosts', () => {
  const files = picturesOf({
    'a/20240101.md': '![](https://pad.example.org/uploads/1.png) ![](https://pad.example.org/uploads/2.png)\n\n![again](https://pad.example.org/uploads/1.png)',
    'b/20240102.md': '![](https://PAD.example.org/uploads/3.jpg) ![](https://pad.example.org/uploads/4.jpg)',
    'c/20240103.md': '![](https://pad.example.org/uploads/4.jpg) ![](https://img.example.net/x/5.png) ![](https://img.example.net/x/6.png) [pdf](https://pad.example.org/uploads/7.pdf)',
  })
  const present = ['a/1.png', 'a/2.png', 'b/3.jpg', 'img/5.png', 'c/5.png']

  test('proposes a host whose picture links mostly have a copy beside the minutes, and counts the missing copies', () => {
    // pad: 5 links (1.png once per file), 3 copied; b/4.jpg and c/4.jpg missing. img: 1 of 2, not mostly.
    expect(inferPictureHosts(files, new Set(present))).toEqual([{ host: 'pad.example.org', links: 5, copied: 3, missingCopies: 2 }])
  })

  test('half is not mostly, and one copy is no convention', () => {
    const four = picturesOf({ 'a/1.md': [1, 2, 3, 4].map((n) => `![](https://pad.example.org/uploads/${n}.png)`).join(' ') })
    expect(inferPictureHosts(four, new Set(['a/1.png', 'a/2.png']))).toEqual([])
    expect(inferPictureHosts(four, new Set(['a/1.png', 'a/2.png', 'a/3.png']))).toEqual([{ host: 'pad.example.org', links: 4, copied: 3, missingCopies: 1 }])
    expect(inferPictureHosts(picturesOf({ 'a/1.md': '![](https://pad.example.org/uploads/1.png)' }), new Set(['a/1.png']))).toEqual([])
  })

  test('the line init prints', () => {
    expect(describePictureHost({ host: 'pad.example.org', links: 5, copied: 3, missingCopies: 2 })).toBe(
      'Pictures on pad.example.org: 3 of 5 links have a copy beside the minutes → externalImages.hosts; 2 copies missing (`minutes-check fetch-images` fetches them).',
    )
    expect(describePictureHost({ host: 'pad.example.org', links: 2, copied: 2, missingCopies: 0 })).toBe(
      'Pictures on pad.example.org: 2 of 2 links have a copy beside the minutes → externalImages.hosts; none missing.',
    )
  })
})

import { describe, expect, test } from '@jest/globals'
import { EXAMPLE_TREE } from '../../test-support/minutes-scenario.js'
import { checkInMemory, findingsOf, type MemoryRepo } from '../../test-support/check-in-memory.js'

const RULE = 'external-image-copied'
const PATH = 'iaas/20240208.md'
const HOSTS = 'externalImages:\n  hosts: [pad.example.org]\n'

/** The rule's findings on one file of `repo` (`PATH` holding `body` under a title). */
function check(body: string, others: MemoryRepo = {}, configYaml = HOSTS): string[] {
  return findingsOf(checkInMemory({ [PATH]: `# 2024-02-08\n\n${body}\n`, ...others }, PATH, { configYaml }), RULE)
}

const missing = (line: number, column: number, name: string, copy = `iaas/${name}`, host = 'pad.example.org') =>
  `${line}:${column} warning ${RULE} The picture \`${name}\` on ${host} has no copy in the repository; add \`${copy}\` (\`minutes-check fetch-images ${PATH}\` fetches it).`

describe('external-image-copied on the example repository', () => {
  const storage = 'storage/20261119.md'
  const example = Object.fromEntries(Object.entries(EXAMPLE_TREE).filter(([, content]) => typeof content === 'string')) as MemoryRepo

  test('the chart pasted into the pad has no copy beside the storage minutes', () => {
    const report = checkInMemory(example, storage, { configYaml: 'externalImages: {hosts: [pad.acme.example]}\n' })
    expect(findingsOf(report, RULE)).toEqual([
      `11:3 warning ${RULE} The picture \`erasure-coding-nvme.png\` on pad.acme.example has no copy in the repository; add \`storage/erasure-coding-nvme.png\` (\`minutes-check fetch-images ${storage}\` fetches it).`,
    ])
  })

  test('with the copy beside the minutes, or with no hosts configured (the default), nothing is reported', () => {
    const withCopy = { ...example, 'storage/erasure-coding-nvme.png': '' }
    expect(findingsOf(checkInMemory(withCopy, storage, { configYaml: 'externalImages: {hosts: [pad.acme.example]}\n' }), RULE)).toEqual([])
    expect(findingsOf(checkInMemory(example, storage, { configYaml: 'repository: acme/minutes\n' }), RULE)).toEqual([])
  })
})

describe('external-image-copied', () => {
  test('several pictures on one line: one finding per missing copy, at its link; the one present is quiet', () => {
    const line = '![a](https://pad.example.org/uploads/a.png) ![b](https://pad.example.org/uploads/b.jpg) ![c](https://pad.example.org/uploads/c.gif)'
    expect(check(line, { 'iaas/b.jpg': '' })).toEqual([missing(3, 1, 'a.png'), missing(3, 89, 'c.gif')])
  })

  test('the image syntax, a link, a bare URL and a link definition all count', () => {
    const body = [
      '![chart](https://pad.example.org/uploads/chart.png)',
      '',
      'The [diagram](https://pad.example.org/uploads/diagram.svg) and https://pad.example.org/uploads/photo.jpeg',
      '',
      '![board][board]',
      '',
      '[board]: https://pad.example.org/uploads/board.webp',
    ].join('\n')
    expect(check(body)).toEqual([missing(3, 1, 'chart.png'), missing(5, 5, 'diagram.svg'), missing(5, 64, 'photo.jpeg'), missing(9, 1, 'board.webp')])
  })

  test('the query string and fragment are not part of the name; a host in capitals is the same host', () => {
    expect(check('![](https://PAD.Example.ORG/uploads/wide.png?width=600#top)')).toEqual([missing(3, 1, 'wide.png')])
    expect(check('![](https://PAD.Example.ORG/uploads/wide.png?width=600#top)', { 'iaas/wide.png': '' })).toEqual([])
    // Hosts written in capitals in the configuration too.
    expect(check('![](https://pad.example.org/uploads/x.png)', {}, 'externalImages:\n  hosts: [PAD.Example.org]\n')).toEqual([missing(3, 1, 'x.png')])
  })

  test('a picture linked twice is reported once, at its first link', () => {
    expect(check('![](https://pad.example.org/uploads/a.png)\n\nAgain: [a](https://pad.example.org/uploads/a.png)')).toEqual([missing(3, 1, 'a.png')])
  })

  test('uploads that are not pictures, other hosts, and relative pictures are not this rule’s', () => {
    const body = [
      '[slides](https://pad.example.org/uploads/slides.pdf)',
      '[upload](https://pad.example.org/uploads/)',
      '![](https://elsewhere.example.org/uploads/a.png)',
      '![](https://pad.example.org.evil.test/uploads/a.png)',
      '![local](diagram.png)',
    ].join('\n\n')
    expect(check(body)).toEqual([])
    // A relative link to a missing picture is link-target-exists's finding, not this rule's.
    const report = checkInMemory({ [PATH]: '# 2024-02-08\n\nThe [diagram](diagram.png)\n' }, PATH, { configYaml: HOSTS })
    expect(report?.findings.map((finding) => finding.rule)).toEqual(['link-target-exists'])
  })

  test('a slide background in raw HTML and a picture in the front matter count, at their place', () => {
    const repo = {
      [PATH]: [
        '---',
        'type: slide',
        "background: 'https://pad.example.org/uploads/bg.png'",
        '---',
        '',
        '# 2024-02-08',
        '',
        '<!-- .slide: data-background="https://pad.example.org/uploads/title.jpg" -->',
        '',
      ].join('\n'),
    }
    expect(findingsOf(checkInMemory(repo, PATH, { configYaml: HOSTS }), RULE)).toEqual([missing(3, 14, 'bg.png'), missing(8, 31, 'title.jpg')])
  })

  test('externalImages.folder: the copy lives in that folder, relative to the minutes', () => {
    const config = `${HOSTS}  folder: images\n`
    expect(check('![](https://pad.example.org/uploads/a.png)', { 'iaas/a.png': '' }, config)).toEqual([missing(3, 1, 'a.png', 'iaas/images/a.png')])
    expect(check('![](https://pad.example.org/uploads/a.png)', { 'iaas/images/a.png': '' }, config)).toEqual([])
    expect(check('![](https://pad.example.org/uploads/a.png)', { 'assets/a.png': '' }, `${HOSTS}  folder: ../assets\n`)).toEqual([])
  })

  test('a name that is no plain file name is never a copy to add', () => {
    expect(check('![](https://pad.example.org/uploads/..%2F..%2Fsecret.png) ![](https://pad.example.org/uploads/.hidden.png) ![](https://pad.example.org/uploads/a%0Ab.png)')).toEqual([])
  })

  test('a profile can turn it off', () => {
    expect(check('![](https://pad.example.org/uploads/a.png)', {}, `${HOSTS}profiles:\n  team:\n    rules: {external-image-copied: off}\n`)).toEqual([])
  })
})

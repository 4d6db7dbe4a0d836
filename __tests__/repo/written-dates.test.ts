import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Heading } from 'mdast'
import { visit } from 'unist-util-visit'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { listRepoFiles } from '../../src/read/local-repo.js'
import { findDateInText } from '../../src/repo/dates.js'
import { findWrittenDate } from '../../src/repo/written-dates.js'
import { REAL_MINUTES_SAMPLE, describeWithFixture } from '../../test-support/real-minutes.js'

/** What a title's date reads as: `raw → normalized` and how sure, or `none`. */
function read(text: string, known: string | null = null): string {
  const date = findWrittenDate(text, known)
  if (!date) return 'none'
  const how = date.ambiguous ? `ambiguous ${date.ambiguous.join(' or ')}` : date.valid ? date.normalized : `not a day ${date.normalized}`
  return `${date.raw} @${date.index} → ${how}`
}

describe('findWrittenDate', () => {
  test('ISO dates are read as before, and win over any other form in the text', () => {
    expect(read('Team IaaS 2023-03-22')).toBe('2023-03-22 @10 → 2023-03-22')
    expect(read('9 February 2015, posted 2015-02-10')).toBe('2015-02-10 @24 → 2015-02-10')
    expect(findWrittenDate('2023-3–22')?.canonical).toBe(false)
    expect(findWrittenDate('2023-03-22')?.canonical).toBe(true)
  })

  test('day, month name, year: English and German, full and abbreviated, any case', () => {
    expect(read('Minutes 9 February 2015')).toBe('9 February 2015 @8 → 2015-02-09')
    expect(read('9th of Feb. 2015')).toBe('9th of Feb. 2015 @0 → 2015-02-09')
    expect(read('09-feb-2015')).toBe('09-feb-2015 @0 → 2015-02-09')
    expect(read('Sitzung vom 9. Februar 2015')).toBe('9. Februar 2015 @12 → 2015-02-09')
    expect(read('Montag, 2. MÄRZ 2015')).toBe('2. MÄRZ 2015 @8 → 2015-03-02')
    expect(read('1. Okt 2015')).toBe('1. Okt 2015 @0 → 2015-10-01')
    expect(read('24 Dez. 2015')).toBe('24 Dez. 2015 @0 → 2015-12-24')
    expect(read('3 Sept 2015')).toBe('3 Sept 2015 @0 → 2015-09-03')
  })

  test('month name, day, year', () => {
    expect(read('Minutes of February 9, 2015')).toBe('February 9, 2015 @11 → 2015-02-09')
    expect(read('Feb 9th 2015')).toBe('Feb 9th 2015 @0 → 2015-02-09')
    expect(read('Sept. 30, 2015')).toBe('Sept. 30, 2015 @0 → 2015-09-30')
    expect(read('may 1 2015')).toBe('may 1 2015 @0 → 2015-05-01')
  })

  test('a numeric date with a day over 12 is read one way', () => {
    expect(read('Minutes of 13/09/2015')).toBe('13/09/2015 @11 → 2015-09-13')
    expect(read('09/13/2015')).toBe('09/13/2015 @0 → 2015-09-13')
    expect(read('13.2.2015')).toBe('13.2.2015 @0 → 2015-02-13')
    expect(read('13-02-2015')).toBe('13-02-2015 @0 → 2015-02-13')
    expect(read('02/02/2015')).toBe('02/02/2015 @0 → 2015-02-02')
  })

  test('a numeric date that could be read two ways takes the reading that is the known date, else is not guessed', () => {
    expect(read('Minutes of 02/09/2015', '2015-09-02')).toBe('02/09/2015 @11 → 2015-09-02')
    expect(read('Minutes of 02/09/2015', '2015-02-09')).toBe('02/09/2015 @11 → 2015-02-09')
    expect(read('9.2.2015', '2015-02-09')).toBe('9.2.2015 @0 → 2015-02-09')
    expect(read('Minutes of 02/09/2015')).toBe('02/09/2015 @11 → ambiguous 2015-09-02 or 2015-02-09')
    expect(read('9.2.2015', '2015-03-01')).toBe('9.2.2015 @0 → ambiguous 2015-02-09 or 2015-09-02')
    expect(findWrittenDate('9.2.2015')?.valid).toBe(false)
  })

  test('dates that are not on the calendar', () => {
    expect(read('30 February 2015')).toBe('30 February 2015 @0 → not a day 2015-02-30')
    expect(read('31/02/2015')).toBe('31/02/2015 @0 → not a day 2015-02-31')
    expect(read('Feb 30, 2015')).toBe('Feb 30, 2015 @0 → not a day 2015-02-30')
  })

  test('text that is not a date', () => {
    for (const text of [
      'Team IaaS weekly',
      'Sprint 3 - May 2015',
      'May 2015',
      'Release 1.2.3',
      'v1.2.20151',
      '1.2.3.2015',
      '12/2015',
      'Marathon 9 2015',
      'Decision 9 2015',
      '20231211 - Quo Vadis Keycloak Deployment',
      '9 Febuary 2015',
    ]) {
      expect({ text, date: read(text) }).toEqual({ text, date: 'none' })
    }
  })

  test('long hostile titles are read in linear time (no nested quantifiers)', () => {
    // Would take ages with a backtracking blow-up; here it must simply finish.
    const hostile = `${'1 '.repeat(20_000)}${'-'.repeat(20_000)}${'9.'.repeat(20_000)}${'Feb '.repeat(20_000)}`
    expect(read(hostile)).toBe('none')
  })
})

describeWithFixture(REAL_MINUTES_SAMPLE, 'the real sample')('dates written other ways in the real sample (158 files)', () => {
  test('only three headings hold one, none of them a title: no title date of the sample is read differently', async () => {
    const found: string[] = []
    for (const path of (await listRepoFiles(REAL_MINUTES_SAMPLE)).filter((candidate) => candidate.endsWith('.md'))) {
      const tree = parseMarkdown(readFileSync(join(REAL_MINUTES_SAMPLE, path), 'utf8'))
      const headings: Heading[] = []
      visit(tree, 'heading', (heading) => {
        headings.push(heading)
      })
      headings.forEach((heading, at) => {
        visit(heading, 'text', (node) => {
          const date = findDateInText(node.value) ? null : findWrittenDate(node.value)
          if (date) found.push(`${path} heading ${at + 1} (level ${heading.depth}): ${date.raw} → ${date.normalized}`)
        })
      })
    }
    expect(found).toEqual([
      'community-call/20240404.md heading 28 (level 3): May 14, 2024 → 2024-05-14',
      'community-call/20240418.md heading 21 (level 3): May 14, 2024 → 2024-05-14',
      'community-call/20240418.md heading 22 (level 3): May 15, 2024 → 2024-05-15',
    ])
  })
})

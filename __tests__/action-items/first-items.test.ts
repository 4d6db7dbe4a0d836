import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { extractActionItems, extractFirstActionItems } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { describeWithFixture, REAL_MINUTES_SAMPLE } from '../../test-support/real-minutes.js'

/** Every place an item is recorded from: a heading, a line of two items, a list item whose sub-bullet names its owner, an indented list, a table, an assent taking its question, an owner-only marker taking its parent. */
const EVERY_KIND = `# 2026-11-18

#### TODO: release notes updates

## Actions

- AI @anna: ask A, AI @ben: ask B
- write the runbook
  - @carol

#### AIs of last week

    - AI @erin: book the room
    - AI @frank: order the cake

## Notes

| Action | Owner |
| --- | --- |
| send the slides | @gina |

- Can we replace it with a static image?
  - Yes, AI: @dave
- Should create epics for R5
  - *TODO: @hugo and @ida*
`

describe('the first action items of a file, and how many it holds (the check keeps none past its budget)', () => {
  const tree = parseMarkdown(EVERY_KIND)
  const all = extractActionItems(tree)

  test('the sample holds an item of every kind, each once', () => {
    expect(all.map((item) => [item.line, item.column, item.owners.join(','), item.text])).toEqual([
      [3, 1, '', 'release notes updates'],
      [7, 1, 'anna', 'ask A'],
      [7, 20, 'ben', 'ask B'],
      [8, 1, 'carol', 'write the runbook'],
      [13, 5, 'erin', 'book the room'],
      [14, 5, 'frank', 'order the cake'],
      [20, 1, 'gina', 'send the slides'],
      [23, 3, 'dave', 'Can we replace it with a static image?'],
      [25, 3, 'hugo,ida', 'Should create epics for R5'],
    ])
  })

  test('whatever the number kept, the items kept are the first ones, whole, and the count is all of them', () => {
    for (let keep = 0; keep <= all.length + 1; keep++) {
      expect(extractFirstActionItems(tree, keep)).toEqual({ items: all.slice(0, keep), count: all.length })
    }
  })

  test('a sub-bullet that names the owner of an item only counted is not counted as an item of its own', () => {
    // `[ ] @carol: draft it` alone would be an item (a task box); under an item without owners it names its owner.
    const tree = parseMarkdown('- AI @anna: ask A, AI @ben: ask B\n- AI: write the runbook\n  - [ ] @carol: draft it\n')
    expect(extractActionItems(tree).map((item) => [item.owners.join(','), item.text])).toEqual([
      ['anna', 'ask A'],
      ['ben', 'ask B'],
      ['carol', 'write the runbook'],
    ])
    expect(extractFirstActionItems(tree, 1).count).toBe(3)
  })

  test('an owner-only marker under an item only counted does not make its parent an item again', () => {
    // `TODO: @carol` closing the sub-list of a line that is no item would give that line to carol.
    const tree = parseMarkdown('- AI @anna: ask A\n- AI @bob: write the runbook\n  - read the old one\n  - TODO: @carol\n')
    expect(extractActionItems(tree).map((item) => [item.owners.join(','), item.text])).toEqual([
      ['anna', 'ask A'],
      ['bob', 'write the runbook'],
    ])
    expect(extractFirstActionItems(tree, 1).count).toBe(2)
  })
})

describeWithFixture(REAL_MINUTES_SAMPLE, 'the real sample')('the first items of each real file are its items, the count their number', () => {
  test('half of each file\'s items kept', () => {
    const files = readdirSync(REAL_MINUTES_SAMPLE, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md'))
    let items = 0
    for (const path of files) {
      let text: string
      try {
        text = readFileSync(join(REAL_MINUTES_SAMPLE, path), 'utf8')
      } catch {
        continue // the sample's symbolic link to a folder
      }
      const tree = parseMarkdown(text)
      const all = extractActionItems(tree)
      const keep = Math.floor(all.length / 2)
      expect({ path, ...extractFirstActionItems(tree, keep) }).toEqual({ path, items: all.slice(0, keep), count: all.length })
      items += all.length
    }
    // The sample holds items enough for the comparison to mean something.
    expect(items).toBeGreaterThan(100)
  })
})

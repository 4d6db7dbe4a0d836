import { expect, test } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { extractActionItems } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { PROJECT_ROOT, REAL_MINUTES, describeRealMinutes, realMinutesAvailable } from '../../test-support/real-minutes.js'
import { recordMetrics } from './metrics.js'

/** An item as labelled by hand: `text` is the first words of the item's text. */
interface Label {
  line: number
  owners: string[]
  text: string
  done: boolean
}

const LABELS = (JSON.parse(readFileSync(join(PROJECT_ROOT, '__tests__/fixtures/action-items/real-labels.json'), 'utf8')) as { files: Record<string, Label[]> }).files

/** The markdown files of the real minutes, as `folder/file.md`. */
function realFiles(): string[] {
  return readdirSync(REAL_MINUTES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) => readdirSync(join(REAL_MINUTES, folder.name)).map((name) => `${folder.name}/${name}`))
    .filter((path) => path.endsWith('.md'))
    .sort()
}

/** What the extractor finds in a file, in the labels' terms (its text cut to the label's length). */
function extracted(path: string): Label[] {
  const labels = LABELS[path] ?? []
  return extractActionItems(parseMarkdown(readFileSync(join(REAL_MINUTES, path), 'utf8'))).map(({ line, owners, text, done }) => {
    const label = labels.find((candidate) => candidate.line === line)
    return { line, owners, text: label && text.startsWith(label.text) ? label.text : text, done }
  })
}

interface Scores {
  labelled: number
  found: number
  correct: number
  precision: number
  recall: number
}

/** An item is correct when a label has its file, line, owners, done mark and first words. */
function score(): Scores {
  let found = 0
  let correct = 0
  let labelled = 0
  for (const path of realFiles()) {
    const labels = LABELS[path] ?? []
    const items = extracted(path)
    labelled += labels.length
    found += items.length
    correct += items.filter((item) => labels.some((label) => JSON.stringify(label) === JSON.stringify(item))).length
  }
  const round = (value: number): number => Math.round(value * 1000) / 1000
  return { labelled, found, correct, precision: round(found === 0 ? 1 : correct / found), recall: round(labelled === 0 ? 1 : correct / labelled) }
}

const scores = realMinutesAvailable ? score() : null

describeRealMinutes('action items in the real minutes, against labels made by hand', () => {
  test('every real file is labelled, and every label names a real file', () => {
    expect(Object.keys(LABELS).sort()).toEqual(realFiles())
  })

  test.each(Object.keys(LABELS).sort())('%s: exactly the labelled items', (path) => {
    expect(extracted(path)).toEqual(LABELS[path])
  })

  test(`precision ${scores?.precision} (target ≥ 0.95) and recall ${scores?.recall} (target ≥ 0.9) over ${scores?.labelled} labelled items`, () => {
    recordMetrics('realMinutes', scores)
    expect(scores?.precision).toBeGreaterThanOrEqual(0.95)
    expect(scores?.recall).toBeGreaterThanOrEqual(0.9)
  })

  test('iaas/20230322.md: "Action Item: to be noted in release notes" takes its owners from the sub-bullets', () => {
    const item = extractActionItems(parseMarkdown(readFileSync(join(REAL_MINUTES, 'iaas/20230322.md'), 'utf8'))).find((found) => found.line === 34)
    expect(item).toMatchObject({ line: 34, column: 9, owners: ['berendt', 'fkr'], text: 'to be noted in release notes', done: false, section: 'Pending R4 items' })
  })

  test('"AI" in a login (`@artificial-intelligence`) or meaning AI, and plain prose with owners, give no items', () => {
    const items = extractActionItems(parseMarkdown(readFileSync(join(REAL_MINUTES, 'iaas/20230503.md'), 'utf8')))
    expect(items.map((item) => item.line)).toEqual([40, 51])
  })
})

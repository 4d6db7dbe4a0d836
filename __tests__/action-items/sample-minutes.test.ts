import { describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { KINDS, SAMPLE_MINUTES, evaluateSample, readSampleLabels, sampleMinutesAvailable, type Figures, type Part } from '../../test-support/action-item-eval.js'
import { realMinutesRequired } from '../../test-support/real-minutes.js'
import { recordMetrics } from './metrics.js'

/**
 * The figures reached on the labelled sample (`npm run eval:items` prints them in full). The
 * tuning part is what the grammar was tuned on. The held-out part was blind for the first
 * grammar only: its misses were listed in the docs and fixed by class in the second round,
 * so it is no longer a blind measure (see docs/action-items.md). A change to the grammar must
 * not bring any of them down.
 */
const REACHED: Record<Exclude<Part, 'all'>, Pick<Figures, 'precision' | 'recall' | 'owners' | 'done'>> = {
  tuning: { precision: 1, recall: 1, owners: 1, done: 1 },
  'held-out': { precision: 1, recall: 1, owners: 1, done: 1 },
}

const labels = readSampleLabels()

/** The Markdown files of the sample, as paths inside it. */
function sampleFiles(): string[] {
  return readdirSync(SAMPLE_MINUTES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(SAMPLE_MINUTES, join(entry.parentPath, entry.name)))
}

/** Labels of the scs-series files not in the sample are keyed by their path from the sample's folder. */
const SERIES_KEY = '../scs-series/'
const SERIES_MINUTES = join(SAMPLE_MINUTES, SERIES_KEY)

function seriesFiles(): string[] {
  return readdirSync(SERIES_MINUTES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => `${SERIES_KEY}${relative(SERIES_MINUTES, join(entry.parentPath, entry.name))}`)
}

describe('the labelled sample set', () => {
  test('labels at least 140 items in every folder kind, with a held-out part of about 30 % of the files', () => {
    const files = Object.keys(labels.files)
    const items = Object.values(labels.files).flat()
    expect(items.length).toBeGreaterThanOrEqual(140)
    expect(new Set(files.filter((path) => !path.startsWith(SERIES_KEY)).map((path) => path.split('/')[0])).size).toBe(18)
    // Issue 20: the scs-series files not in the sample, four series, held out by the same rule.
    expect(new Set(files.filter((path) => path.startsWith(SERIES_KEY)).map((path) => path.split('/')[2])).size).toBe(4)
    expect(labels.split.heldOut.every((path) => files.includes(path))).toBe(true)
    expect(labels.split.heldOut.length / files.length).toBeGreaterThan(0.25)
    expect(items.every((label) => KINDS.includes(label.kind) && label.owners.every((owner) => owner === owner.toLowerCase() && !owner.startsWith('@')))).toBe(true)
  })
})

const evaluation = sampleMinutesAvailable ? evaluateSample(labels) : null

if (sampleMinutesAvailable) {
  describe('action items in the sample minutes, against the labels', () => {
    test('every file of the sample is labelled, and every label names a line of its file', () => {
      expect(Object.keys(labels.files).filter((path) => !path.startsWith(SERIES_KEY)).sort()).toEqual(sampleFiles().sort())
      const sample = new Set(sampleFiles())
      if (existsSync(SERIES_MINUTES)) expect(Object.keys(labels.files).filter((path) => path.startsWith(SERIES_KEY)).sort()).toEqual(seriesFiles().filter((path) => !sample.has(path.slice(SERIES_KEY.length))).sort())
      for (const [path, items] of Object.entries(labels.files)) {
        const lines = readFileSync(join(SAMPLE_MINUTES, path), 'utf8').split('\n').length
        for (const item of items) expect({ path, line: item.line, within: item.line >= 1 && item.line <= lines }).toEqual({ path, line: item.line, within: true })
      }
    })

    test.each(['tuning', 'held-out'] as const)('%s part: precision, recall, owners and done stay at or above what was reached', (part) => {
      const total = evaluation?.figures[part].total
      recordMetrics(`sampleMinutes.${part}`, total)
      for (const figure of ['precision', 'recall', 'owners', 'done'] as const) {
        expect({ figure, value: total?.[figure] ?? 0, atLeast: (total?.[figure] ?? 0) >= REACHED[part][figure] }).toEqual({ figure, value: total?.[figure] ?? 0, atLeast: true })
      }
    })

    test('the whole set: the targets, precision ≥ 0.97, recall ≥ 0.97, owners ≥ 0.95 and done ≥ 0.97', () => {
      const all = evaluation?.figures.all.total
      expect(all?.precision).toBeGreaterThanOrEqual(0.97)
      expect(all?.recall).toBeGreaterThanOrEqual(0.97)
      expect(all?.owners).toBeGreaterThanOrEqual(0.95)
      expect(all?.done).toBeGreaterThanOrEqual(0.97)
    })
  })
} else if (realMinutesRequired) {
  describe('action items in the sample minutes, against the labels', () => {
    test('finds the sample minutes', () => {
      throw new Error(`MINUTES_REAL_FIXTURES=required, but ${SAMPLE_MINUTES} is absent`)
    })
  })
} else {
  describe.skip(`action items in the sample minutes (skipped: ${SAMPLE_MINUTES} is absent)`, () => {
    test('skipped', () => undefined)
  })
  process.stderr.write(`Skipping the sample-minutes figures: the sample is not at ${SAMPLE_MINUTES}.\n`)
}

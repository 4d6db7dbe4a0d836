import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { extractActionItems, type ActionItem } from '../src/action-items/index.js'
import { saysNothing } from '../src/action-items/generic-context.js'
import { parseMarkdown } from '../src/parse/parse-markdown.js'
import { standsAlone, titleContext } from '../src/plan/issue-text.js'
import { seriesOf } from '../src/plan/occurrences.js'
import { PROJECT_ROOT } from './project-root.js'

/**
 * Scores the action-item extractor against the labelled development set
 * (`__tests__/fixtures/action-items/sample-labels.json`) over the real sample minutes.
 * Shared by `npm run eval:items` and the test that holds the figures; no jest here, so the
 * script's bundle can use it.
 */

/** The larger sample of real minutes (verbatim third-party files, never copied into the project). */
export const SAMPLE_MINUTES = resolve(PROJECT_ROOT, '../shared/fixtures/scs-minutes-sample')

/** Whether the sample is next to this checkout. */
export const sampleMinutesAvailable = existsSync(SAMPLE_MINUTES)

/** How an item is written, as labelled: what makes it an item. */
export type Kind = 'ai' | 'todo' | 'action-item' | 'label' | 'checkbox'

export const KINDS: readonly Kind[] = ['ai', 'todo', 'action-item', 'label', 'checkbox']

/** One labelled item. `hint` is a few words to recognise it by; it is not scored. */
export interface SampleLabel {
  line: number
  owners: string[]
  done: boolean
  kind: Kind
  hint: string
}

export interface SampleLabels {
  split: { rule: string; heldOut: string[] }
  files: Record<string, SampleLabel[]>
}

export const SAMPLE_LABELS_FILE = join(PROJECT_ROOT, '__tests__/fixtures/action-items/sample-labels.json')

export function readSampleLabels(): SampleLabels {
  return JSON.parse(readFileSync(SAMPLE_LABELS_FILE, 'utf8')) as SampleLabels
}

export type Part = 'tuning' | 'held-out' | 'all'

/** Counts for one kind (or all kinds) in one part of the set. */
export interface Figures {
  labelled: number
  found: number
  matched: number
  ownersRight: number
  doneRight: number
  /** Found items whose issue title would not stand alone (see `titleStandsAlone`). */
  titlesLeaning: number
  precision: number
  recall: number
  owners: number
  done: number
  /** Share of found items whose title does not stand alone (issue 20's goal: 3 %). */
  leaning: number
}

/** Something to look at: a missed item, a false one, a found one with wrong owners or done, or a title that does not stand alone. */
export interface Problem {
  part: Exclude<Part, 'all'>
  what: 'missed' | 'false positive' | 'owners' | 'done' | 'title leaning'
  place: string
  kind: Kind
  detail: string
}

export interface Evaluation {
  /** Figures by part, then by kind; `total` is every kind together. */
  figures: Record<Part, Record<Kind | 'total', Figures>>
  problems: Problem[]
}

interface Tally {
  labelled: number
  found: number
  matched: number
  ownersRight: number
  doneRight: number
  titlesLeaning: number
}

/** Extracts every labelled file and compares, item by item, on the line each starts. */
export function evaluateSample(labels: SampleLabels = readSampleLabels()): Evaluation {
  const heldOut = new Set(labels.split.heldOut)
  const tallies = new Map<string, Tally>()
  const tally = (part: Part, kind: Kind | 'total'): Tally => {
    const key = `${part}/${kind}`
    let found = tallies.get(key)
    if (!found) {
      found = { labelled: 0, found: 0, matched: 0, ownersRight: 0, doneRight: 0, titlesLeaning: 0 }
      tallies.set(key, found)
    }
    return found
  }
  const count = (part: Exclude<Part, 'all'>, kind: Kind, field: keyof Tally): void => {
    for (const scope of [part, 'all'] as const) for (const which of [kind, 'total'] as const) tally(scope, which)[field]++
  }
  const problems: Problem[] = []
  for (const [path, expected] of Object.entries(labels.files)) {
    const part = heldOut.has(path) ? 'held-out' : 'tuning'
    // `../scs-series/…` (labelled for issue 20) may be absent where the sample is not: skipped.
    if (!existsSync(join(SAMPLE_MINUTES, path))) continue
    const source = readFileSync(join(SAMPLE_MINUTES, path), 'utf8')
    const lines = source.split('\n')
    const found = extractActionItems(parseMarkdown(source))
    const { pairs, missed, extra } = pairUp(expected, found)
    for (const label of expected) count(part, label.kind, 'labelled')
    for (const [label, item] of pairs) {
      count(part, label.kind, 'found')
      count(part, label.kind, 'matched')
      if (!titleStandsAlone(item, path)) {
        count(part, label.kind, 'titlesLeaning')
        problems.push({ part, what: 'title leaning', place: `${path}:${label.line}`, kind: label.kind, detail: item.text.slice(0, 80) })
      }
      if (sameOwners(label.owners, item.owners)) count(part, label.kind, 'ownersRight')
      else problems.push({ part, what: 'owners', place: `${path}:${label.line}`, kind: label.kind, detail: `expected [${label.owners.join(', ')}], found [${item.owners.join(', ')}]` })
      if (label.done === item.done) count(part, label.kind, 'doneRight')
      else problems.push({ part, what: 'done', place: `${path}:${label.line}`, kind: label.kind, detail: `expected done=${label.done}` })
    }
    for (const label of missed) problems.push({ part, what: 'missed', place: `${path}:${label.line}`, kind: label.kind, detail: label.hint })
    for (const item of extra) {
      const kind = kindOfLine(lines[item.line - 1] ?? '')
      count(part, kind, 'found')
      problems.push({ part, what: 'false positive', place: `${path}:${item.line}`, kind, detail: item.text.slice(0, 80) })
    }
  }
  const figures = {} as Evaluation['figures']
  for (const part of ['tuning', 'held-out', 'all'] as const) {
    figures[part] = {} as Record<Kind | 'total', Figures>
    for (const kind of [...KINDS, 'total'] as const) figures[part][kind] = ratios(tally(part, kind))
  }
  return { figures, problems }
}

/**
 * Pairs labels with items on the same line: first those whose owners agree, then the rest in
 * order, so two items on one line (`AI @a: x, AI @b: y`) pair with their own labels.
 */
function pairUp(labels: SampleLabel[], items: ActionItem[]): { pairs: Array<[SampleLabel, ActionItem]>; missed: SampleLabel[]; extra: ActionItem[] } {
  const pairs: Array<[SampleLabel, ActionItem]> = []
  const open = new Set(items)
  const unpaired: SampleLabel[] = []
  for (const label of labels) {
    const item = [...open].find((candidate) => candidate.line === label.line && sameOwners(label.owners, candidate.owners))
    if (item) {
      open.delete(item)
      pairs.push([label, item])
    } else unpaired.push(label)
  }
  const missed: SampleLabel[] = []
  for (const label of unpaired) {
    const item = [...open].find((candidate) => candidate.line === label.line)
    if (item) {
      open.delete(item)
      pairs.push([label, item])
    } else missed.push(label)
  }
  return { pairs, missed, extra: [...open] }
}

/**
 * Whether the item's issue title says what it is about: its text stands alone, or the context
 * quoted after it says something (`Enhance tests: Agenda` does not).
 */
function titleStandsAlone(item: ActionItem, path: string): boolean {
  if (standsAlone(item.text)) return true
  const series = seriesOf(path.replace(/^\.\.\/scs-series\//u, ''))
  const context = titleContext({ item, path, date: null, series })
  return context !== null && !saysNothing(context, series)
}

function sameOwners(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ')
}

/** The kind a false positive would have had, read off its source line (for per-kind precision). */
function kindOfLine(line: string): Kind {
  if (/(?<![\p{L}\p{N}@/-])AI(?![\p{L}\p{N}])/u.test(line)) return 'ai'
  if (/(?<![\p{L}\p{N}@/-])to[\s_-]*do(?![\p{L}\p{N}])/iu.test(line)) return 'todo'
  if (/action[\s_-]*(?:item|point)(?![\p{L}\p{N}])/iu.test(line)) return 'action-item'
  if (/^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/u.test(line)) return 'checkbox'
  return 'label'
}

function ratios(tally: Tally): Figures {
  const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000)
  return {
    ...tally,
    precision: ratio(tally.matched, tally.found),
    recall: ratio(tally.matched, tally.labelled),
    owners: ratio(tally.ownersRight, tally.matched),
    done: ratio(tally.doneRight, tally.matched),
    leaning: tally.matched === 0 ? 0 : Math.round((tally.titlesLeaning / tally.matched) * 1000) / 1000,
  }
}

/** The figures as a plain-text table, one row per kind that has items, then the total. */
export function formatFigures(evaluation: Evaluation, part: Part): string {
  const header = ['kind', 'labelled', 'found', 'matched', 'precision', 'recall', 'owners', 'done', 'titles leaning']
  const rows = [...KINDS, 'total' as const]
    .map((kind) => ({ kind, figures: evaluation.figures[part][kind] }))
    .filter(({ kind, figures }) => kind === 'total' || figures.labelled + figures.found > 0)
    .map(({ kind, figures }) => [kind, figures.labelled, figures.found, figures.matched, figures.precision.toFixed(3), figures.recall.toFixed(3), figures.owners.toFixed(3), figures.done.toFixed(3), `${(figures.leaning * 100).toFixed(1)} %`].map(String))
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const format = (cells: string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')
  return [format(header), ...rows.map(format)].join('\n')
}

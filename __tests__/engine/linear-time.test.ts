import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { extractActionItems, itemWords, matchItems, sameItem, similarity, type ActionItem } from '../../src/action-items/index.js'
import { CONTEXT_TEXT_LIMIT, ITEM_TEXT_LIMIT } from '../../src/action-items/extract.js'
import { fingerprint } from '../../src/action-items/fingerprint.js'
import { normaliseText, tidyText } from '../../src/action-items/text.js'
import { cell, codeSpanText, escapeLine, escapeText, htmlCode, truncate } from '../../src/markup/escape.js'
import { logLine } from '../../src/markup/log-line.js'
import { md } from '../../src/markup/message.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { issueBody, issueTitle } from '../../src/plan/issue-text.js'
import { latestOccurrences } from '../../src/plan/occurrences.js'
import { planIssues } from '../../src/plan/plan-issues.js'
import { renderSummary } from '../../src/render/summary.js'
import { formatText } from '../../src/report/format-text.js'
import { LINKS, file, finding, identity, issue, item, report } from '../plan/fixtures.js'

// Issue 17: `- AI @alice: ` and 40,000 letters took 8 s in identity (80,000: 28 s), after the
// per-file budget. Every regular expression applied to minutes text must be linear, or see
// bounded input. This test feeds long runs of every character class, after the prefixes that
// make a line an item, to extraction, identity, planning and rendering.
//
// No wall-clock threshold on its own (a shared 2-core machine may stall at any moment): each
// stage is timed on a run of n and of 4n characters in the same test, best of three, and the
// larger may take at most RATIO times the smaller (linear: 4; quadratic: 16). A larger time
// under FLOOR_MS passes whatever the ratio: small times are mostly noise (a collection, the
// other helpers' jobs), and a quadratic stage at 4n = 100,000 to 200,000 characters takes
// seconds, not milliseconds (identity: 8 s at 40,000 letters; owner names: 2 s at 40,000).
const RATIO = 10
const FLOOR_MS = 500

/** The prefixes that make a line an action item, and a heading (context, titles). */
const PREFIXES = ['- AI @alice: ', '- [ ] ', 'Action Item: ', '* TODO @bob: ', '1. @carol to ', '> AI @dave: ', '# ']

/** Every character class a regular expression of ours might treat apart. */
const CLASSES = [
  'a', 'Z', '7', ' ', '\t', '#', '@', '/', '.', '-', '_', '*', '[', ']', '(', ')', '`', '<', '>', '!', '|', ':', ';', ',', '\\', '~', '=', '&',
  '\r\n', '\n', '\r', '\u2028', '\u0085', '\u00A0', '😀', 'é', 'e\u0301', '→', '—', '\uFEFF',
  'a/', 'a#', '#1', '@a ', 'a.b/', 'x -', '( ', '](', 'www.', 'a://', 'http://', '2026-01-01 ', 'AI @a: ', 'done ', '- [ ] ', 'due: ',
]

/** A long run of one or a few classes, after an item's prefix. */
const hostileRun = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...CLASSES), { minLength: 1, maxLength: 3 })).map(([prefix, units]) => ({ prefix, unit: units.join('') }))

function runOf(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length))
}

/** Best of three timings of `work`, in ms. */
function timeOf(work: () => void): number {
  let best = Infinity
  for (let round = 0; round < 3; round++) {
    const started = performance.now()
    work()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

/** `work` on inputs of length n and 4n: the larger takes at most RATIO times the smaller (or both are under FLOOR_MS). */
function expectLinear(label: string, work: (length: number) => void, n: number): void {
  const small = timeOf(() => work(n))
  const large = timeOf(() => work(4 * n))
  const linear = large <= Math.max(FLOOR_MS, RATIO * small)
  expect({ label, small: Math.round(small), large: Math.round(large), linear }).toEqual({ label, small: Math.round(small), large: Math.round(large), linear: true })
}

/** A run's item as identity and planning see it: text, and a context that its title quotes (it has few words). */
function hostileItem(text: string): ActionItem {
  return item(text, { context: { headings: [`Heading ${text}`], parents: [`Parent ${text}`] } })
}

/**
 * A run after a prefix, then a word: a pattern anchored at the end (`/[…]+$/`) is tried from
 * every character of a run that does not reach the end, which is where it turns quadratic.
 */
function hostileText(prefix: string, unit: string, length: number): string {
  return `${prefix}${runOf(unit, length)} end`
}

/** The runs that were quadratic (issue 17 and this test's first runs), always tried, then a sample. */
const KNOWN = [
  { prefix: '- AI @alice: ', unit: 'a' },
  { prefix: 'Action Item: ', unit: 'Z' },
  { prefix: '- [ ] ', unit: 'www.' },
  { prefix: '- AI @alice: ', unit: '](' },
  { prefix: '- AI @alice: ', unit: 'a.b/' },
  { prefix: '- AI @alice: ', unit: '.' },
  { prefix: 'AI', unit: ' ' },
]
const samples = (numRuns: number, seed: number) => [...KNOWN, ...fc.sample(hostileRun, { numRuns, seed })]

describe('every stage is linear in the length of a hostile run', () => {
  test('extraction (parse not timed): runs of 12,500 and 50,000 characters', () => {
    // Smaller runs: each is parsed first. `[`, `]` and `\\` runs are left to the parser's budget
    // (its cost grows faster than their length; docs/performance.md).
    for (const { prefix, unit } of samples(15, 17001).filter(({ unit }) => !/[[\]\\]/u.test(unit))) {
      const trees = new Map([12_500, 50_000].map((length) => [length, parseMarkdown(`# 2026-11-19\n\n${hostileText(prefix, unit, length)}\n`)]))
      expectLinear(`extract ${JSON.stringify(prefix + unit)}`, (length) => extractActionItems(trees.get(length)!), 12_500)
    }
  }, 600_000)

  test('what extraction hands on is bounded: item text and context, whatever the run', () => {
    for (const { prefix, unit } of samples(5, 17002).filter(({ unit }) => !/[[\]\\]/u.test(unit))) {
      // After a letter, so that the run is text in the heading and parent item (not deeper blocks).
      const items = extractActionItems(parseMarkdown(`# x${runOf(unit, 20_000)}\n\n- x${runOf(unit, 20_000)}\n  ${prefix}${runOf(unit, 50_000)}\n`))
      for (const found of items) {
        expect(found.text.length).toBeLessThanOrEqual(ITEM_TEXT_LIMIT)
        for (const text of [found.section ?? '', ...found.context.headings, ...found.context.parents]) expect(text.length).toBeLessThanOrEqual(CONTEXT_TEXT_LIMIT)
        expect(found.id).toBe(fingerprint(found.owners, found.text))
      }
    }
  }, 600_000)

  test('identity: similarity, words, fingerprints and matching on runs of 50,000 and 200,000 characters', () => {
    for (const { prefix, unit } of samples(40, 17003)) {
      const text = (length: number) => hostileText(prefix, unit, length)
      expectLinear(`identity ${JSON.stringify(prefix + unit)}`, (length) => {
        const long = text(length)
        similarity(long, `${long} x`)
        itemWords(long)
        fingerprint(['alice'], long)
        normaliseText(long)
        tidyText(long)
        sameItem({ owners: ['alice'], text: long }, { owners: ['alice'], text: `x ${long}` })
        matchItems([{ owners: ['alice'], text: long }, { owners: [], text: 'other' }], [{ owners: ['alice'], text: `${long}.` }])
      }, 50_000)
    }
  }, 600_000)

  test('planning: occurrences, the plan, issue titles and bodies on runs of 50,000 and 200,000 characters', () => {
    for (const { prefix, unit } of samples(25, 17004)) {
      expectLinear(`planning ${JSON.stringify(prefix + unit)}`, (length) => {
        const text = hostileText(prefix, unit, length)
        const items = [hostileItem(text), hostileItem(`${text} again`)]
        const occurrences = latestOccurrences(report([file('team/20261119.md', '2026-11-19', { actionItems: items }), file('team/20261112.md', '2026-11-12', { actionItems: [hostileItem(text)] })]))
        const known = [issue(1, identity('team', ['alice'], text))]
        planIssues(occurrences, known, { label: 'action-item', teamLabel: 'team:{series}', links: LINKS, maxNewIssues: 20 })
        for (const occurrence of occurrences) {
          issueTitle(occurrence)
          issueBody(occurrence, LINKS)
        }
      }, 50_000)
    }
  }, 600_000)

  test('rendering: the summary, the log, and every escape on runs of 50,000 and 200,000 characters', () => {
    for (const { prefix, unit } of samples(25, 17005)) {
      expectLinear(`rendering ${JSON.stringify(prefix + unit)}`, (length) => {
        const text = hostileText(prefix, unit, length)
        const message = md`Cannot find \`${text}\`; the title “${text}” has no date.`
        const hostile = { ...finding('link-target-exists', 3, message.plain), markdown: message.markdown }
        const run = report([file(`team/${text.slice(0, 200)}.md`, '2026-11-19', { findings: [hostile], actionItems: [hostileItem(text)] })])
        const occurrences = latestOccurrences(run)
        const changes = planIssues(occurrences, [], { label: 'action-item', teamLabel: null, links: LINKS, maxNewIssues: 20 })
        renderSummary({ report: run, links: LINKS, plan: { changes, timing: 'after-merge' } })
        formatText(run)
        for (const escape of [escapeText, escapeLine, codeSpanText, htmlCode, logLine]) escape(text)
        cell(text, length)
        truncate(text, length - 1)
      }, 50_000)
    }
  }, 600_000)
})

describe('the inputs that were quadratic give the same results, now in linear time', () => {
  test('cross-references, dates and links are still left out of the words, owner/repo#12 included', () => {
    expect([...itemWords('Review the draft, see acme/minutes#12 and #7 by 2026-12-01')]).toEqual(['review', 'the', 'draft', 'see', 'and', 'by'])
    expect(similarity('Read [the notes](https://example.com/a(b)) www.example.com/x', 'Read the notes')).toBe(1)
    expect([...itemWords('x.y/foo#12 bar#3 baz')]).toEqual(['bar', 'baz'])
    // What changed, on purpose: a `](` target stops at the next `](` (was: at the next `)`), and
    // `owner/repo#1` starts where its run starts (was: also right after a match, `#12abc/d#3`).
    expect([...itemWords('a](b](c) tail')]).toEqual(['a', 'b', 'tail'])
    expect([...itemWords('#12abc/d#3 x')]).toEqual(['abc', 'd', 'x'])
    // The words of 80,000 letters (28 s before): one word.
    expect([...itemWords(`AI ${'a'.repeat(80_000)}`)].map((word) => word.length)).toEqual([2, 80_000])
  })

  test('a scheme is still broken after its colon only where GFM would link it', () => {
    expect(escapeText('see https://example.com and x.http://y and _http://z and 1http://w')).toBe(
      'see https:\u200B//example.com and x.http:\u200B//y and \\_http://z and 1http://w',
    )
    expect(escapeText(`${'www.'.repeat(3)}x`)).toBe('www\u200B.www\u200B.www\u200B.x')
  })
})

import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { extendGrammar, extractActionItems, matchItems, similarity, type ActionItem } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'

const SERIES = join(PROJECT_ROOT, '__tests__/fixtures/action-items/carry-over/platform')
const SEEDS = readdirSync(SERIES).map((name) => readFileSync(join(SERIES, name), 'utf8'))

/** Fragments that make up minutes and their action items, and that stress the grammar. */
const fragment = fc.constantFrom(
  '# ', '## ', '### Pending action items\n', '### Action items\n', 'Open Actions:\n', 'AI:\n', 'TODO:\n', '=> TODO:', '- ', '* ', '  - ', '    * ',
  '1. ', '> ', '- [ ] ', '- [x] ', '- [X] ', '**', '__', '_', '*', '`', '```\n', '~~', '\n', '\n\n', '  \n', ' ', '\t', '(', ')', '[', '](', ':', ',',
  'AI', 'AI ', 'AI:', 'AI @alice:', '_AI @bob_:', 'AI(berendt)', '(AI @garloff, w/ @berendt)', 'Action Item:', 'ToDo', 'To Do:', "AI's", 'AIs',
  '@', '@alice', '@Bob-1', '@-', '@@x', 'a@b.c', ' and ', ' to ', ' will ', '**DONE**', 'DONE', '(done)', '✅', 'done; see #12', '- None',
  'by 2026-12-01', 'due: 2026-02-30', '9999-99-99', 'https://example.com/x', '<!-- AI @x: y -->', '<br>', '\uE000', '\u0000', '\uFFFD', 'ðŸŽ‰',
)

const randomDocument = fc
  .array(fc.oneof({ weight: 4, arbitrary: fragment }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) }), { maxLength: 80 })
  .map((parts) => parts.join(''))

const mutatedSeed = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.oneof(fragment, fc.string())), { maxLength: 10 }))
  .map(([seed, edits]) =>
    edits.reduce((text, [at, remove, insert]) => {
      const position = at % (text.length + 1)
      return text.slice(0, position) + insert + text.slice(position + remove)
    }, seed),
  )

/** Lists nested deeper than any minutes, and emphasis nested inside each other (the parser, not the extractor, limits the depth worth the time). */
const deepDocument = fc
  .tuple(fc.integer({ min: 1, max: 120 }), fc.constantFrom('- ', '> ', '* ', '1. '), fc.constantFrom('AI @alice: x', 'TODO: y', '@bob to z'))
  .map(([depth, bullet, item]) =>
    Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}${bullet}${level % 3 === 0 ? item : '_*'.repeat(level % 50)}`).join('\n'),
  )

/** One huge line: many markers, owners and words, no line break. */
const hugeLine = fc
  .tuple(fc.array(fc.constantFrom('AI @alice:', '(AI @bob)', 'TODO:', '@carol', 'word', '**DONE**', '`AI`', '(', ')'), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 400 }))
  .map(([words, times]) => `- ${Array.from({ length: times }, () => words.join(' ')).join(' ')}`)

const grammar = fc.constantFrom(undefined, extendGrammar({ markers: ['Aufgabe', ''], labels: ['Offene Aufgaben'] }), { markers: [], inlineMarkers: [] }, { doneWords: ['('] })

function wellFormed(items: ActionItem[]): void {
  for (const item of items) {
    expect(item.line).toBeGreaterThanOrEqual(1)
    expect(item.endLine).toBeGreaterThanOrEqual(item.line)
    expect(item.text.trim()).not.toBe('')
    for (const owner of item.owners) expect(owner).toMatch(/^[a-z0-9][a-z0-9-]*$/u)
    expect(new Set(item.owners).size).toBe(item.owners.length)
    if (item.due !== null) expect(item.due).toMatch(/^\d{4}-\d{2}-\d{2}$/u)
  }
}

describe('extractActionItems never throws, and every item is well-formed', () => {
  test.each([
    ['random documents', randomDocument, 200],
    ['mutated minutes', mutatedSeed, 150],
    ['deep nesting', deepDocument, 40],
    ['huge lines', hugeLine, 40],
  ] as const)('%s', (_name, documents: fc.Arbitrary<string>, numRuns) => {
    fc.assert(
      fc.property(documents, grammar, (source, options) => {
        wellFormed(extractActionItems(parseMarkdown(source), options))
      }),
      { numRuns },
    )
  })

  test('trees that are not mdast at all', () => {
    const junk = fc.anything({ maxDepth: 4 })
    fc.assert(
      fc.property(junk, (tree) => {
        const items = extractActionItems(tree as never)
        expect(items).toBeInstanceOf(Array)
        wellFormed(items)
      }),
    )
  })
})

describe('identity is total', () => {
  test('similarity is in [0, 1] and symmetric; matchItems is one-to-one', () => {
    const entry = fc.record({ owners: fc.array(fc.constantFrom('alice', 'bob', 'carol'), { maxLength: 2 }), text: fc.oneof(fragment, fc.string()) })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.array(entry, { maxLength: 8 }), (known, found) => {
        for (const a of known) for (const b of found) {
          const score = similarity(a.text, b.text)
          expect(score).toBeGreaterThanOrEqual(0)
          expect(score).toBeLessThanOrEqual(1)
          expect(similarity(b.text, a.text)).toBe(score)
        }
        const matches = matchItems(known, found)
        expect(new Set(matches.values()).size).toBe(matches.size)
        for (const [foundIndex, knownIndex] of matches) {
          expect(foundIndex).toBeLessThan(found.length)
          expect(knownIndex).toBeLessThan(known.length)
        }
      }),
    )
  })
})

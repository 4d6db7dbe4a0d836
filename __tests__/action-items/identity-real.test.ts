import { expect, test } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, posix } from 'node:path'
import { SAME_ITEM_THRESHOLD, extendsItem, extractActionItems, itemWords, ownersCompatible, sameItem, similarity, type ActionItem } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { PROJECT_ROOT, REAL_MINUTES, describeRealMinutes } from '../../test-support/real-minutes.js'
import { recordMetrics } from './metrics.js'

/** `../shared/fixtures`: both trees of real minutes, the small one and the sample. */
const FIXTURES = join(REAL_MINUTES, '..')
const TREES = ['scs-minutes', 'scs-minutes-sample']

const LABELS = JSON.parse(readFileSync(join(PROJECT_ROOT, '__tests__/fixtures/action-items/identity-pairs.json'), 'utf8')) as { same: Array<[string, string]>; different: Array<[string, string]> }

interface Found {
  /** `tree/folder/file.md:line`, as the labels name it. */
  where: string
  series: string
  date: string
  item: ActionItem
}

/** Dated minutes (`YYYYMMDD` in the name) of every folder but the hackathons (one event each, no series). */
function realItems(): Found[] {
  return TREES.filter((tree) => existsSync(join(FIXTURES, tree))).flatMap((tree) =>
    readdirSync(join(FIXTURES, tree), { recursive: true, encoding: 'utf8' })
      .map((path) => path.split('\\').join('/'))
      .filter((path) => path.endsWith('.md') && !path.startsWith('hackathons/') && /\d{8}/.test(posix.basename(path)))
      .sort()
      .flatMap((path) => {
        const date = /\d{8}/.exec(posix.basename(path))?.[0] ?? ''
        const items = extractActionItems(parseMarkdown(readFileSync(join(FIXTURES, tree, path), 'utf8')))
        return items.map((item) => ({ where: `${tree}/${path}:${item.line}`, series: posix.dirname(path), date, item }))
      }),
  )
}

/** Every owner-compatible pair of items from two meetings of one series; read once, when a test first asks. */
function measured(): { byWhere: Map<string, Found>; pairs: Array<{ a: Found; b: Found }> } {
  if (!cache) {
    const found = realItems()
    cache = {
      byWhere: new Map(found.map((entry) => [entry.where, entry])),
      pairs: found.flatMap((a, index) => found.slice(index + 1).filter((b) => b.series === a.series && b.date !== a.date && ownersCompatible(a.item.owners, b.item.owners)).map((b) => ({ a, b }))),
    }
  }
  return cache
}
let cache: ReturnType<typeof measured> | undefined

describeRealMinutes('identity on carry-over pairs of the real minutes (held out)', () => {
  const key = (a: string, b: string): string => [a, b].sort().join(' ')
  const same = new Set(LABELS.same.map(([a, b]) => key(a, b)))
  const different = new Set(LABELS.different.map(([a, b]) => key(a, b)))
  const labelled = (pair: { a: Found; b: Found }): boolean | null => {
    const name = key(pair.a.where, pair.b.where)
    return same.has(name) ? true : different.has(name) ? false : null
  }
  const similarOnly = (a: Found, b: Found): boolean => similarity(a.item.text, b.item.text) >= SAME_ITEM_THRESHOLD
  const words = (entry: Found) => ({ owners: entry.item.owners, words: itemWords(entry.item.text) })

  test('every labelled item is still extracted', () => {
    const { byWhere } = measured()
    const missing = [...LABELS.same, ...LABELS.different].flat().filter((where) => !byWhere.has(where))
    expect(missing).toEqual([])
  })

  test('on the labelled pairs, similarity or extension is right on every pair', () => {
    const { byWhere, pairs } = measured()
    // Every labelled pair, whether or not its owners (as extracted today) still allow a match.
    const labelledPairs = [...LABELS.same, ...LABELS.different].flatMap(([a, b]) => {
      const [first, second] = [byWhere.get(a), byWhere.get(b)]
      return first && second ? [{ a: first, b: second }] : []
    })
    const rows = labelledPairs.flatMap((pair) => {
      const truth = labelled(pair)
      return truth === null ? [] : [{ truth, similar: similarOnly(pair.a, pair.b), rule: sameItem(pair.a.item, pair.b.item), extended: extendsItem(words(pair.a), words(pair.b)) }]
    })
    const count = (predicate: (row: (typeof rows)[number]) => boolean): number => rows.filter(predicate).length
    const figures = {
      pairs: pairs.length,
      labelledSame: count((row) => row.truth),
      labelledDifferent: count((row) => !row.truth),
      similarityRule: { sameFound: count((row) => row.truth && row.similar), differentMerged: count((row) => !row.truth && row.similar) },
      withExtension: { sameFound: count((row) => row.truth && row.rule), differentMerged: count((row) => !row.truth && row.rule) },
      extendedPairs: count((row) => row.extended),
    }
    recordMetrics('identityRealPairs', figures)
    expect(rows).toHaveLength(LABELS.same.length + LABELS.different.length)
    expect(rows.filter((row) => row.rule !== row.truth)).toEqual([])
  })

  test('unlabelled pairs the rule calls the same item are verbatim repeats (same fingerprint), nothing more', () => {
    const unlabelled = measured().pairs.filter((pair) => labelled(pair) === null && sameItem(pair.a.item, pair.b.item))
    expect(unlabelled.filter((pair) => pair.a.item.id !== pair.b.item.id).map((pair) => `${pair.a.where} ${pair.b.where}`)).toEqual([])
  })
})

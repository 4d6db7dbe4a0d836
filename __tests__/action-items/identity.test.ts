import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SAME_ITEM_THRESHOLD, extendsItem, extractActionItems, itemWords, matchItems, ownersCompatible, sameItem, similarity, type ActionItem } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'
import { recordMetrics } from './metrics.js'

const SERIES = join(PROJECT_ROOT, '__tests__/fixtures/action-items/carry-over')

/** Which item each line of each meeting holds, by a key of our own: the true identities. */
const IDENTITIES = (JSON.parse(readFileSync(join(SERIES, 'identities.json'), 'utf8')) as { files: Record<string, Record<string, string>> }).files

interface Labelled extends ActionItem {
  key: string
}

/** The meetings in order, each with its extracted items and their true keys. */
const meetings = Object.entries(IDENTITIES)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, keys]) => ({
    path,
    keys,
    items: extractActionItems(parseMarkdown(readFileSync(join(SERIES, path), 'utf8'))).map((item): Labelled => ({ ...item, key: keys[item.line] ?? '?' })),
  }))

const wordsOf = (item: ActionItem) => ({ owners: item.owners, words: itemWords(item.text) })

/** Every pair of items from two different meetings, with its similarity, whether one extends the other, and truth. */
const pairs = meetings.flatMap((earlier, index) =>
  meetings.slice(index + 1).flatMap((later) =>
    earlier.items.flatMap((a) => later.items.map((b) => ({ a, b, same: a.key === b.key, score: similarity(a.text, b.text), extended: extendsItem(wordsOf(a), wordsOf(b)) }))),
  ),
)
/** The pairs the text has to tell apart: those whose owners do not already rule them out. */
const comparable = pairs.filter(({ a, b }) => ownersCompatible(a.owners, b.owners))
/** Pairs the similarity rule alone has to decide: neither text extends the other. */
const unextended = comparable.filter((pair) => !pair.extended)
const round = (value: number): number => Math.round(value * 1000) / 1000
const minSame = round(Math.min(...unextended.filter((pair) => pair.same).map((pair) => pair.score)))
const maxDifferent = round(Math.max(...comparable.filter((pair) => !pair.same).map((pair) => pair.score)))
const maxDifferentAnyOwners = round(Math.max(...pairs.filter((pair) => !pair.same).map((pair) => pair.score)))
/** Same items below the threshold, found only because one text extends or shortens the other. */
const extendedSame = comparable.filter((pair) => pair.same && pair.extended && pair.score < SAME_ITEM_THRESHOLD)
const extendedDifferent = comparable.filter((pair) => !pair.same && pair.extended)
const describePair = ({ a, b }: { a: Labelled; b: Labelled }): string => `${a.text} / ${b.text}`

describe('similarity', () => {
  test('is 1 for equal texts, whatever their case, punctuation, emphasis or spacing', () => {
    expect(similarity('Write the *upgrade* runbook.', 'write  the upgrade RUNBOOK')).toBe(1)
  })

  test('ignores added links, issue references and dates', () => {
    expect(similarity('check the quotas', 'check the quotas https://example.com/quotas')).toBe(1)
    expect(similarity('check the quotas', 'check the [quotas](https://example.com/quotas) acme/infra#12 by 2026-12-01')).toBeCloseTo(6 / 7)
  })

  test('stays high for a changed word and low for a different task', () => {
    expect(similarity('ask the registry vendor about HA support', 'ask the registry vendor about HA setup')).toBeGreaterThan(SAME_ITEM_THRESHOLD)
    expect(similarity('write the release notes', 'review the storage ADR')).toBeLessThan(0.3)
  })

  test('is symmetric, in [0, 1], and 1 for two empty texts', () => {
    expect(similarity('a b c', 'b c d')).toBe(similarity('b c d', 'a b c'))
    expect(similarity('', '')).toBe(1)
    expect(similarity('', 'text')).toBe(0)
  })
})

describe('sameItem', () => {
  test('owners may change order, gain someone, or be assigned later; disjoint owners never match', () => {
    const item = { owners: ['alice', 'bob'], text: 'plan the hackathon agenda' }
    expect(sameItem(item, { owners: ['bob', 'alice'], text: 'Plan the hackathon agenda' })).toBe(true)
    expect(sameItem(item, { owners: ['alice', 'bob', 'carol'], text: 'plan the hackathon agenda' })).toBe(true)
    expect(sameItem({ owners: [], text: 'update the on-call rota' }, { owners: ['erin'], text: 'update the on-call rota' })).toBe(true)
    expect(sameItem(item, { owners: ['carol'], text: 'plan the hackathon agenda' })).toBe(false)
  })

  test('the same owners with a different task are different items', () => {
    expect(sameItem({ owners: ['bob'], text: 'review the storage ADR draft' }, { owners: ['bob'], text: 'review the storage quota alerts' })).toBe(false)
  })
})

describe('identity across the carry-over series (our own fixtures)', () => {
  test('every extracted item is labelled, and every label is extracted', () => {
    for (const { keys, items } of meetings) expect(items.map((item) => String(item.line))).toEqual(Object.keys(keys))
  })

  test(`the threshold ${SAME_ITEM_THRESHOLD} lies strictly between different items (max ${maxDifferent}) and repeats not extended (min ${minSame})`, () => {
    recordMetrics('identity', {
      threshold: SAME_ITEM_THRESHOLD,
      samePairs: comparable.filter((pair) => pair.same).length,
      differentPairs: comparable.filter((pair) => !pair.same).length,
      minSameSimilarity: minSame,
      maxDifferentSimilarity: maxDifferent,
      maxDifferentSimilarityIgnoringOwners: maxDifferentAnyOwners,
      samePairsNeitherInsideTheOther: unextended.filter((pair) => pair.same).length,
      sameFoundBySimilarity: comparable.filter((pair) => pair.same && pair.score >= SAME_ITEM_THRESHOLD).length,
      sameFoundOnlyAsExtended: extendedSame.length,
      differentExtended: extendedDifferent.length,
    })
    expect(maxDifferent).toBeLessThan(SAME_ITEM_THRESHOLD)
    expect(SAME_ITEM_THRESHOLD).toBeLessThan(minSame)
  })

  test('an item extended or shortened the next week is the same item, though below the threshold', () => {
    // The registry item was written "about HA support" twice, then "about HA setup" twice.
    expect(extendedSame.map(describePair)).toEqual([
      'ask the registry vendor about HA support / ask the registry vendor',
      'ask the registry vendor about HA support / ask the registry vendor',
      'ask the registry vendor about HA setup / ask the registry vendor',
      'ask the registry vendor about HA setup / ask the registry vendor',
      'write the upgrade runbook for Kubernetes 1.35 / write the upgrade runbook for Kubernetes 1.35, including the etcd backup and restore steps',
      'survey CSPs / survey CSPs regarding the addition of Flatcar to standard images',
      'write an issue for the image builds / write an issue for the image builds and assign it to the OS team',
    ])
  })

  test(`disjoint owners matter: a different item scores up to ${maxDifferentAnyOwners} when owners are ignored`, () => {
    expect(maxDifferentAnyOwners).toBeGreaterThan(SAME_ITEM_THRESHOLD)
  })

  test('pair by pair, sameItem is right but for one generic text inside a longer one, which matchItems sorts out', () => {
    // "write an issue" is inside "write an issue for the image builds": alone, the pair looks
    // like one item shortened. In the meeting, the longer repeat takes the earlier item first
    // (it is more similar), so matching one-to-one leaves "write an issue" new (tested below).
    expect(pairs.filter((pair) => sameItem(pair.a, pair.b) !== pair.same).map(describePair)).toEqual(['write an issue for the image builds / write an issue'])
    expect(extendedDifferent.map(describePair)).toEqual(['write an issue for the image builds / write an issue'])
  })

  test('matchItems pairs each meeting with the one before exactly as labelled', () => {
    for (const [index, meeting] of meetings.entries()) {
      const previous = meetings[index - 1]
      if (!previous) continue
      const expected = new Map<number, number>()
      meeting.items.forEach((item, foundIndex) => {
        const knownIndex = previous.items.findIndex((known) => known.key === item.key)
        if (knownIndex >= 0) expected.set(foundIndex, knownIndex)
      })
      expect([...matchItems(previous.items, meeting.items)].sort(([a], [b]) => a - b)).toEqual([...expected].sort(([a], [b]) => a - b))
    }
  })

  test('matchItems against every item seen so far finds each repeat and leaves each new item new', () => {
    const seen: Labelled[] = []
    for (const meeting of meetings) {
      const matches = matchItems(seen, meeting.items)
      meeting.items.forEach((item, foundIndex) => {
        const knownIndex = matches.get(foundIndex)
        expect([item.key, knownIndex === undefined ? 'new' : seen[knownIndex]?.key]).toEqual([item.key, seen.some((known) => known.key === item.key) ? item.key : 'new'])
        // The latest wording is what the next meeting is compared with.
        if (knownIndex === undefined) seen.push(item)
        else seen[knownIndex] = item
      })
    }
    expect(seen.map((item) => item.key).sort()).toEqual([...new Set(meetings.flatMap((meeting) => Object.values(meeting.keys)))].sort())
  })
})

describe('matchItems', () => {
  const item = (owners: string[], text: string) => ({ owners, text })

  test('prefers exact fingerprints, then the most similar pair, one-to-one', () => {
    const known = [item(['alice'], 'write the upgrade runbook'), item(['alice'], 'write the upgrade runbook now'), item(['bob'], 'review the ADR')]
    const found = [item([], 'write the upgrade runbook'), item(['alice'], 'Write the upgrade runbook.')]
    // Both found items say exactly what known[0] says; the one with its owners too takes it,
    // and the owner-less one falls back to the next most similar, known[1].
    expect([...matchItems(known, found)]).toEqual([
      [1, 0],
      [0, 1],
    ])
  })

  test('two identical repeats pair with two identical known items, not both with the first', () => {
    const twice = [item([], 'TBD'), item([], 'TBD')]
    expect([...matchItems(twice, twice)]).toEqual([
      [0, 0],
      [1, 1],
    ])
  })

  test('nothing known, nothing found', () => {
    expect(matchItems([], [item(['a'], 'x')]).size).toBe(0)
    expect(matchItems([item(['a'], 'x')], []).size).toBe(0)
  })
})

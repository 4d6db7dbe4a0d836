import { fingerprint } from './fingerprint.js'
import { normaliseText } from './text.js'

/** What identity looks at: who owns an item and what it says. */
export interface Identifiable {
  owners: readonly string[]
  text: string
}

/**
 * Two texts at or above this similarity say the same thing. Measured on the carry-over
 * fixtures (docs/action-items.md): repeats of an item, edited or not, score 0.83 and above;
 * distinct items whose owners could match, 0.67 and below. The threshold sits between.
 */
export const SAME_ITEM_THRESHOLD = 0.75

/**
 * Links, issue references and dates are added to an item as work progresses (`see #12`,
 * `https://…`, `by 2026-12-01`); they say where or when, not what, so they are not words.
 *
 * Linear in the text (issue 17): no part is tried again from every character of a long run.
 * `owner/repo` before `#12` starts only where a run of `[\w.-]` starts (it was tried from every
 * character of a run: 40,000 letters took 8 s); a `](…)` target ends at the next `)` or stops
 * at the next `](` (it was scanned to the end from every `](` when no `)` followed).
 */
const REFERENCES = /https?:\/\/\S+|www\.\S+|\]\((?:[^)\]]|\](?!\())*\)|(?:(?<![\w.-])[\w.-]+\/[\w.-]+)?#\d+|\b\d{4}-\d{1,2}-\d{1,2}\b/giu

/** The words of a text as a set: case, punctuation, emphasis, links and word order ignored. */
function wordsOf(text: string): Set<string> {
  const words = normaliseText(text.replace(REFERENCES, ' '))
  return new Set(words === '' ? [] : words.split(' '))
}

/**
 * How alike two item texts are, in [0, 1]: the Dice coefficient of their word sets. A changed
 * word in a five-word item leaves 0.8, an added link 1; two empty texts are alike.
 */
export function similarity(a: string, b: string): number {
  return dice(wordsOf(a), wordsOf(b))
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const word of a) if (b.has(word)) shared++
  return (2 * shared) / (a.size + b.size)
}

/**
 * Whether two owner lists can belong to one item: they share an owner (order, additions and
 * case do not matter), or one of them names nobody (an owner assigned or dropped later).
 * Disjoint owners mean someone else's task, however alike the words.
 */
export function ownersCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true
  const left = new Set(a.map((owner) => owner.toLowerCase()))
  return b.some((owner) => left.has(owner.toLowerCase()))
}

/**
 * Whether one item's text extends or shortens the other's (`Survey CSPs` → `Survey CSPs
 * regarding the addition of Flatcar`): one word set inside the other, both of at least
 * `MIN_EXTENDED_WORDS` words, and a named owner in common. An owner-less item may be
 * anyone's, and a one-word text (`cancel`) is inside too many others, so neither counts.
 */
export function extendsItem(a: ItemWords, b: ItemWords): boolean {
  if (!sharesOwner(a.owners, b.owners)) return false
  const [shorter, longer] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words]
  if (shorter.size < MIN_EXTENDED_WORDS) return false
  for (const word of shorter) if (!longer.has(word)) return false
  return true
}

/** The shorter text of an extended item has at least this many words. */
export const MIN_EXTENDED_WORDS = 2

function sharesOwner(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((owner) => owner.toLowerCase()))
  return b.some((owner) => left.has(owner.toLowerCase()))
}

/** Whether two items, typically from different meetings, are the same action item. */
export function sameItem(a: Identifiable, b: Identifiable): boolean {
  return sameWords({ owners: a.owners, words: itemWords(a.text) }, { owners: b.owners, words: itemWords(b.text) })
}

/** An item's owners and the word set `similarity` compares, computed once for many comparisons. */
export interface ItemWords {
  owners: readonly string[]
  words: ReadonlySet<string>
}

/** The words an item's text is compared by (see `similarity`). */
export function itemWords(text: string): ReadonlySet<string> {
  return wordsOf(text)
}

/** `sameItem` for items whose words were read once with `itemWords`. */
export function sameWords(a: ItemWords, b: ItemWords): boolean {
  return (ownersCompatible(a.owners, b.owners) && dice(a.words, b.words) >= SAME_ITEM_THRESHOLD) || extendsItem(a, b)
}

/**
 * Pairs the items `found` in a meeting with the `known` items of earlier ones: a map from
 * index in `found` to index in `known`, one-to-one. Exact fingerprints (same owners, same
 * normalised text) pair first, in order; then the remaining pairs that are `sameItem`
 * (similar, or extended), most similar first, ties to the earlier items. Unpaired found
 * items are new.
 */
export function matchItems<A extends Identifiable, B extends Identifiable>(known: readonly A[], found: readonly B[]): Map<number, number> {
  const matches = new Map<number, number>()
  const taken = new Set<number>()
  const pair = (foundIndex: number, knownIndex: number): void => {
    matches.set(foundIndex, knownIndex)
    taken.add(knownIndex)
  }

  const byFingerprint = new Map<string, number[]>()
  known.forEach((item, index) => {
    const key = fingerprint(item.owners, item.text)
    byFingerprint.set(key, [...(byFingerprint.get(key) ?? []), index])
  })
  found.forEach((item, foundIndex) => {
    const knownIndex = byFingerprint.get(fingerprint(item.owners, item.text))?.find((index) => !taken.has(index))
    if (knownIndex !== undefined) pair(foundIndex, knownIndex)
  })

  const knownWords = known.map((item) => ({ owners: item.owners, words: wordsOf(item.text) }))
  const candidates: Array<{ foundIndex: number; knownIndex: number; score: number }> = []
  found.forEach((item, foundIndex) => {
    if (matches.has(foundIndex)) return
    const words = { owners: item.owners, words: wordsOf(item.text) }
    knownWords.forEach((other, knownIndex) => {
      if (taken.has(knownIndex) || !sameWords(words, other)) return
      candidates.push({ foundIndex, knownIndex, score: dice(words.words, other.words) })
    })
  })
  candidates.sort((x, y) => y.score - x.score || x.foundIndex - y.foundIndex || x.knownIndex - y.knownIndex)
  for (const { foundIndex, knownIndex } of candidates) {
    if (!matches.has(foundIndex) && !taken.has(knownIndex)) pair(foundIndex, knownIndex)
  }
  return matches
}

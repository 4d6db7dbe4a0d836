import type { Root } from 'mdast'
import { compileGrammar, type CompiledGrammar } from './compile-grammar.js'
import { blankDoneMarks, saysDone } from './done.js'
import { findDueDate } from './due.js'
import { fingerprint } from './fingerprint.js'
import { resolveGrammar, type ActionItemGrammar } from './grammar.js'
import { readAssignment, readMarker, type Line } from './markers.js'
import { checkedOf, childrenOf, depthOf, positionOf, typeOf, type Point } from './nodes.js'
import { ownersOfOwnerLine, unique } from './owners.js'
import { plainTextOf, segmentsOf, sourcePointAt, type PlainText, type Segment } from './plain-text.js'
import { tidyText } from './text.js'
import type { ActionItem } from './types.js'

/**
 * Finds the action items in a file's mdast: list items and lines with a marker
 * (`AI @alice: text`, `TODO: text`, `(AI @garloff)`), task list items (`- [ ] @alice to do X`),
 * and the items of a list labelled by a heading or line (`### Pending action items`, `AI:`).
 *
 * Pure and total: any tree, however malformed, gives a list (possibly empty), never an error.
 *
 * @param tree mdast from `parseMarkdown`.
 * @param options grammar fields replacing the defaults (see `extendGrammar` to add to them).
 */
export function extractActionItems(tree: Root, options?: Partial<ActionItemGrammar>): ActionItem[] {
  const walk: Walk = { grammar: grammarFor(options), items: [], section: null, consumed: new Set() }
  walkBlocks(childrenOf(tree), null, walk, 0)
  return walk.items
}

interface Walk {
  grammar: CompiledGrammar
  items: ActionItem[]
  /** The last heading seen, in document order. */
  section: string | null
  /** Sub-bullets already read as part of their parent item (its owners, its done mark). */
  consumed: Set<unknown>
}

/** Owners a label hands to the items of the list it labels (`AI @alice:` → alice; `AI:` → none). */
type Label = string[]

/** Block nesting deeper than this is not minutes; stop instead of exhausting the stack. */
const MAX_DEPTH = 100

const DEFAULT_GRAMMAR = compileGrammar(resolveGrammar())
const configured = new WeakMap<object, CompiledGrammar>()

function grammarFor(options: Partial<ActionItemGrammar> | undefined): CompiledGrammar {
  if (typeof options !== 'object' || options === null) return DEFAULT_GRAMMAR
  let compiled = configured.get(options)
  if (!compiled) {
    compiled = compileGrammar(resolveGrammar(options))
    configured.set(options, compiled)
  }
  return compiled
}

/**
 * Walks sibling blocks in order. A label heading covers the lists after it up to the next
 * heading of its level or above; a label line (`Open Actions:`) covers the next list only.
 */
function walkBlocks(children: unknown[], initialLabel: Label | null, walk: Walk, depth: number): void {
  if (depth > MAX_DEPTH) return
  let heading: { depth: number; label: Label } | null = null
  let lineLabel = initialLabel
  for (const child of children) {
    switch (typeOf(child)) {
      case 'heading': {
        const level = depthOf(child)
        if (heading && level <= heading.depth) heading = null
        const label = readHeading(child, walk)
        if (label) heading = { depth: level, label }
        lineLabel = null
        break
      }
      case 'list':
        walkList(child, lineLabel ?? heading?.label ?? null, walk, depth + 1)
        lineLabel = null
        break
      case 'paragraph':
        lineLabel = walkParagraph(child, null, null, walk)
        break
      default:
        lineLabel = null
        walkBlocks(childrenOf(child), null, walk, depth + 1)
    }
  }
}

/** Records the heading as the current section; returns its label when it is one. */
function readHeading(heading: unknown, walk: Walk): Label | null {
  const plain = plainTextOf(heading, (text) => walk.grammar.doneWord.test(text))
  walk.section = tidyText(plain.text) || null
  const reading = readMarker(plain, walk.grammar, { heading: true })
  return reading && tidyText(reading.text) === '' ? reading.owners : null
}

function walkList(list: unknown, label: Label | null, walk: Walk, depth: number): void {
  for (const item of childrenOf(list)) {
    if (walk.consumed.has(item)) continue
    if (typeOf(item) === 'listItem') walkListItem(item, label, walk, depth + 1)
    else walkBlocks([item], null, walk, depth + 1)
  }
}

function walkListItem(listItem: unknown, label: Label | null, walk: Walk, depth: number): void {
  if (depth > MAX_DEPTH) return
  const [first, ...rest] = childrenOf(listItem)
  if (typeOf(first) !== 'paragraph') {
    walkBlocks(childrenOf(listItem), null, walk, depth + 1)
    return
  }
  const childLabel = walkParagraph(first, listItem, label, walk)
  walkBlocks(rest, childLabel, walk, depth + 1)
}

/**
 * Reads a paragraph, one segment (line meant as a bullet) at a time, and records its items.
 * `host` is the list item the paragraph opens, if any: the item then spans the list item,
 * and its sub-bullets may name its owners or report it done.
 * Returns the label the paragraph ends with, for the list that follows.
 */
function walkParagraph(paragraph: unknown, host: unknown, label: Label | null, walk: Walk): Label | null {
  const { grammar } = walk
  const plain = plainTextOf(paragraph, (text) => grammar.doneWord.test(text))
  const segments = segmentsOf(plain.text)
  let active: Label | null = null
  segments.forEach((whole, index) => {
    const head = index === 0
    const found = readSegment(plain, whole, { label: head ? label : active, checked: head ? checkedOf(host) : null }, grammar)
    if (!found) return
    const { reading, segment } = found
    if (reading.text === '') {
      active = reading.owners
      return
    }
    const item = { ...reading }
    if (head && host) takeFromSubBullets(host, item, walk)
    const opens = head && segment.start === whole.start ? (host ?? paragraph) : null
    const place = placeOf(plain, segment, opens, index === segments.length - 1 ? paragraph : null)
    walk.items.push({
      ...place,
      owners: item.owners,
      text: item.text,
      done: item.done,
      due: item.due,
      id: fingerprint(item.owners, item.text),
      section: walk.section,
    })
  })
  return active
}

/** A line break followed by a capital: where a line of notes may start a statement of its own. */
const CAPITALISED_LINE = /\n(?=[^\S\n]*\p{Lu})/gu

/**
 * Reads a segment. Its line breaks mostly wrap one sentence, but a line opening with a
 * capital may be a note of its own (`… remains intact⏎Review this in a meeting: … (AI set up:
 * @berendt)`): when the first line holds no item and such a later line does, the item is
 * that line and what follows, not the whole paragraph.
 */
function readSegment(plain: PlainText, segment: Segment, context: ItemContext, grammar: CompiledGrammar): { reading: Reading; segment: Segment } | null {
  const reading = readItem(lineOf(plain, segment), context, grammar)
  if (!reading) return null
  const starts = [...plain.text.slice(segment.start, segment.end).matchAll(CAPITALISED_LINE)].map((match) => segment.start + match.index + 1)
  const [second] = starts
  if (reading.text === '' || second === undefined) return { reading, segment }
  if (readItem(lineOf(plain, { start: segment.start, end: second - 1 }), context, grammar)) return { reading, segment }
  for (const start of starts.reverse()) {
    const later = { start, end: segment.end }
    const narrowed = readItem(lineOf(plain, later), { label: null, checked: null }, grammar)
    if (narrowed && narrowed.text !== '') return { reading: narrowed, segment: later }
  }
  return { reading, segment }
}

interface ItemContext {
  /** The label of the list the line is in, if any. */
  label: Label | null
  /** The task box of the list item the line opens, if any. */
  checked: boolean | null
}

interface Reading {
  owners: string[]
  /** Tidied; empty for a label. */
  text: string
  done: boolean
  due: string | null
}

/**
 * Reads one line: a marker makes it an item; without one, a task box or a label above makes
 * it an item whose owners may open or close it. Placeholders (`- None`) are not items.
 */
function readItem(line: Line, context: ItemContext, grammar: CompiledGrammar): Reading | null {
  const marks = blankDoneMarks(line.text, grammar)
  const blanked = { ...line, text: marks.text }
  const implied = context.label !== null || context.checked !== null
  const reading = readMarker(blanked, grammar) ?? (implied ? readAssignment(blanked.text, grammar) : null)
  if (!reading) return null
  const text = tidyText(reading.text)
  const owners = reading.owners.length > 0 ? reading.owners : (context.label ?? [])
  if (text !== '' && grammar.isPlaceholder(text)) return null
  return { owners: unique(owners), text, done: marks.done || context.checked === true, due: findDueDate(text, grammar) }
}

/**
 * Sub-bullets that only name people (`*@berendt -> OSISM*`) give an owner-less item its
 * owners; one saying `done` / `done; see ...` marks it done.
 */
function takeFromSubBullets(listItem: unknown, item: Reading, walk: Walk): void {
  const needsOwners = item.owners.length === 0
  for (const list of childrenOf(listItem)) {
    if (typeOf(list) !== 'list') continue
    for (const sub of childrenOf(list)) {
      const paragraph = childrenOf(sub)[0]
      if (typeOf(paragraph) !== 'paragraph') continue
      const text = plainTextOf(paragraph, (word) => walk.grammar.doneWord.test(word)).text
      const owners = needsOwners ? ownersOfOwnerLine(tidyText(text)) : null
      if (owners) {
        item.owners = unique([...item.owners, ...owners])
        walk.consumed.add(sub)
      }
      if (saysDone(text, walk.grammar)) item.done = true
    }
  }
}

/** The segment as a line of its own, with inline code ranges and emphasis shifted to it. */
function lineOf(plain: PlainText, segment: Segment): Line {
  return {
    text: plain.text.slice(segment.start, segment.end),
    code: plain.code
      .filter(([start, end]) => end > segment.start && start < segment.end)
      .map(([start, end]) => [start - segment.start, end - segment.start] as [number, number]),
    leadingEmphasisEnd: segment.start === 0 ? plain.leadingEmphasisEnd : -1,
  }
}

/**
 * Where an item is: its whole list item (or paragraph) when it opens it; otherwise the
 * lines of its segment, as far as the tree tells (continuation lines lose their indent,
 * so a segment starting mid-paragraph reports column 1).
 */
function placeOf(plain: PlainText, segment: Segment, opens: unknown, closes: unknown): Pick<ActionItem, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const start: Point | null = opens ? (positionOf(opens)?.start ?? null) : sourcePointAt(plain, segment.start)
  const end: Point | null = opens && !closes ? sourcePointAt(plain, segment.end) : (positionOf(opens ?? closes)?.end ?? sourcePointAt(plain, segment.end))
  return { line: start?.line ?? 0, column: start?.column ?? 0, endLine: end?.line ?? 0, endColumn: end?.column ?? 0 }
}

import type { Root } from 'mdast'
import { parseMarkdown } from '../parse/parse-markdown.js'
import { compileGrammar, type CompiledGrammar } from './compile-grammar.js'
import { onlyAssent } from './answer.js'
import { blankDoneMarks, saysDone } from './done.js'
import { findDueDate } from './due.js'
import { truncate } from '../markup/escape.js'
import { fingerprint } from './fingerprint.js'
import { saysNothing } from './generic-context.js'
import { resolveGrammar, type ActionItemGrammar } from './grammar.js'
import { laterItems, readAssignment, readMarker, readTrailingOwners, type Line } from './markers.js'
import { peopleOf, type People } from './people.js'
import { checkedOf, childrenOf, depthOf, positionOf, typeOf, valueOf, type Point } from './nodes.js'
import { ownersOfOwnerLine, unique } from './owners.js'
import { plainTextOf, referencesIn, segmentsOf, sourcePointAt, type PlainText, type Segment } from './plain-text.js'
import { tableRows } from './tables.js'
import { tidyText } from './text.js'
import type { ActionItem, IssueReference, ItemContext as Context } from './types.js'

/**
 * Finds the action items in a file's mdast: list items and lines with a marker
 * (`AI @alice: text`, `TODO: text`, `(AI @garloff)`), task list items (`- [ ] @alice to do X`),
 * and the items of a list labelled by a heading or line (`### Pending action items`, `AI:`).
 *
 * Pure and total: any tree, however malformed, gives a list (possibly empty), never an error.
 *
 * Names written where owners stand (`AI Sam: …`) resolve through `people` (configured names)
 * and the file's own participants (`- Sam Kim (@sam-k)`, `- @vp04`); a name that resolves to
 * nobody stays in the text and the item stays unassigned.
 *
 * @param tree mdast from `parseMarkdown`.
 * @param options grammar fields replacing the defaults (see `extendGrammar` to add to them).
 * @param people names → GitHub logins (`actionItems.people`), matched ignoring case.
 */
export function extractActionItems(tree: Root, options?: Partial<ActionItemGrammar>, people?: Readonly<Record<string, string>>): ActionItem[] {
  return extractFirstActionItems(tree, Infinity, options, people).items
}

/**
 * The first `keep` action items of a file (as `extractActionItems` finds them, in the same
 * order) and how many it holds in all. Past `keep` an item is only counted: the check keeps
 * none of a file's items past its budget (`limits.maxActionItems`) but says how many there
 * are, and building an item (its id, context, references) is a fifth of finding it.
 */
export function extractFirstActionItems(tree: Root, keep: number, options?: Partial<ActionItemGrammar>, people?: Readonly<Record<string, string>>): { items: ActionItem[]; count: number } {
  const walk: Walk = { grammar: grammarFor(options), people: peopleOf(tree, people), items: [], keep, count: 0, section: null, headings: [], parents: [], parentIsItem: [], survey: false, consumed: new Set() }
  walkBlocks(childrenOf(tree), null, walk, 0)
  return { items: walk.items.map(bounded), count: walk.count }
}

/**
 * Longest item text kept, in characters. Identity, planning and rendering run after the
 * per-file budget, on every item of a run: what they read is bounded here (issue 17). An
 * item is a sentence or a few; a longer text is cut on a word boundary with an ellipsis.
 */
export const ITEM_TEXT_LIMIT = 3000
/** Longest heading or parent item kept as an item's context (titles quote 60 characters, bodies 300). */
export const CONTEXT_TEXT_LIMIT = 500

/** The item with its text and context cut to the limits; its id covers the text kept. */
function bounded(item: ActionItem): ActionItem {
  const text = truncate(item.text, ITEM_TEXT_LIMIT)
  const cut = (value: string): string => truncate(value, CONTEXT_TEXT_LIMIT)
  return {
    ...item,
    text,
    id: text === item.text ? item.id : fingerprint(item.owners, text),
    section: item.section === null ? null : cut(item.section),
    context: { headings: item.context.headings.map(cut), parents: item.context.parents.map(cut) },
  }
}

interface Walk {
  grammar: CompiledGrammar
  people: People
  /** The items found so far, up to `keep` of them. */
  items: ActionItem[]
  keep: number
  /** How many items were found so far, kept or not. */
  count: number
  /** The last heading seen, in document order. */
  section: string | null
  /** The headings the walk is under (label headings left out), outermost first. */
  headings: Array<{ depth: number; text: string }>
  /** The list items the walk is inside, outermost first (label items left out). */
  parents: string[]
  /** For each of `parents`, whether it is an item itself. */
  parentIsItem: boolean[]
  /** Whether the list being walked is a survey: its boxes are options to tick, not tasks. */
  survey: boolean
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
  // `## Next steps`: labels each list under it that names people (see `ownedLabel`).
  let ownedHeading: number | null = null
  let lineLabel = initialLabel
  for (const [index, child] of children.entries()) {
    switch (typeOf(child)) {
      case 'heading': {
        const level = depthOf(child)
        if (heading && level <= heading.depth) heading = null
        if (ownedHeading !== null && level <= ownedHeading) ownedHeading = null
        const label = readHeading(child, walk)
        if (label) heading = { depth: level, label }
        else if (walk.section !== null && walk.section.length <= MAX_OWNED_HEADING && walk.grammar.ownedLabelLine.test(walk.section)) ownedHeading = level
        lineLabel = null
        break
      }
      case 'list':
        walkList(child, lineLabel ?? heading?.label ?? (ownedHeading !== null && namesPeople(child, walk) ? [] : null), walk, depth + 1)
        lineLabel = null
        break
      case 'paragraph': {
        const next = children[index + 1]
        lineLabel = walkParagraph(child, null, null, walk, heading?.label ?? null) ?? ownedLabel(child, typeOf(next) === 'list' ? next : undefined, walk)
        break
      }
      case 'code':
        walkIndentedList(child, lineLabel ?? heading?.label ?? null, walk, depth + 1)
        lineLabel = null
        break
      case 'table':
        for (const row of tableRows(child, walk.grammar, walk.people)) record(walk, () => ({ ...row, id: fingerprint(row.owners, row.text), section: walk.section, context: contextOf(walk) }))
        lineLabel = null
        break
      default:
        lineLabel = null
        walkBlocks(childrenOf(child), null, walk, depth + 1)
    }
  }
}

/** An owned-label heading is a few words (`### Next steps:`); the bound keeps its pattern off long text. */
const MAX_OWNED_HEADING = 60

/** Indented code loses this many columns of indentation to CommonMark. */
const CODE_INDENT = 4

/** A line of a list: a bullet or number, then a space. */
const LIST_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/u

/**
 * A list indented four spaces under a label (`#### AIs of last week⏎    - AI @x: …`) is code
 * to CommonMark but a list to its writer: when every line of an indented (not fenced) code
 * block is a list line, its items are read from it, at their own lines.
 */
function walkIndentedList(code: unknown, label: Label | null, walk: Walk, depth: number): void {
  const value = valueOf(code)
  const position = positionOf(code)
  if (label === null || value === null || position === null) return
  const lines = value.split('\n')
  // A fenced block spans two lines more than its content: its fences.
  if (position.end.line - position.start.line + 1 !== lines.length) return
  if (!lines.every((line) => line.trim() === '' || LIST_LINE.test(line))) return
  const before = walk.items.length
  const section = walk.section
  walkBlocks(childrenOf(parseMarkdown(value)), label, walk, depth)
  walk.section = section
  const shift = position.start.line - 1
  walk.items = [...walk.items.slice(0, before), ...walk.items.slice(before).map((item) => ({ ...item, line: item.line + shift, endLine: item.endLine + shift, column: item.column + CODE_INDENT, endColumn: item.endColumn + CODE_INDENT }))]
}

/** Records the heading as the current section; returns its label when it is one. */
function readHeading(heading: unknown, walk: Walk): Label | null {
  const plain = plainTextOf(heading, (text) => walk.grammar.doneWord.test(text))
  walk.section = tidyText(plain.text) || null
  const reading = walk.grammar.mayHoldMarker.test(plain.text) ? readMarker(plain, walk.grammar, { heading: true, people: walk.people }) : null
  // `## Actions`, `### Tasks`: a line label heading labels its lists as a label heading does.
  const lineLabel = reading === null && plain.text.length <= MAX_OWNED_HEADING && walk.grammar.lineLabelLine.test(plain.text) ? [] : null
  const label = reading && tidyText(reading.text) === '' ? reading.owners : lineLabel
  enterHeading(walk, depthOf(heading), label ? null : walk.section)
  if (reading && !label) headingItem(heading, plain, walk)
  return label
}

/**
 * A heading that is a marker with text of its own (`#### TODO: release notes updates`) is an
 * item. An ambiguous marker (`## AI: what it can do`) must name owners to be one.
 */
function headingItem(heading: unknown, plain: PlainText, walk: Walk): void {
  const whole = { start: 0, end: plain.text.length }
  const reading = readItem(lineOf(plain, whole), { label: null, checked: null, people: walk.people }, walk.grammar)
  if (!reading || reading.text === '') return
  if (reading.owners.length === 0 && walk.grammar.opensWithAmbiguous(plain.text)) return
  record(walk, () => itemAt(placeOf(plain, whole, heading, heading), reading, walk))
}

/** An item read at `place`, in the walk's current context. */
function itemAt(place: Pick<ActionItem, 'line' | 'column' | 'endLine' | 'endColumn'>, reading: Reading, walk: Walk): ActionItem {
  return {
    ...place,
    owners: reading.owners,
    text: reading.text,
    done: reading.done,
    due: reading.due,
    id: fingerprint(reading.owners, reading.text),
    section: walk.section,
    context: contextOf(walk),
  }
}

/** Records an item found: built while the walk keeps items, else only counted. */
function record(walk: Walk, build: () => ActionItem): void {
  if (walk.items.length < walk.keep) walk.items.push(build())
  walk.count++
}

/** The `references` field of an item: present only when the item references something. */
function withReferences(references: IssueReference[]): { references?: IssueReference[] } {
  return references.length > 0 ? { references } : {}
}

/** Closes the headings of this level and below; opens this one unless it only labels a list. */
function enterHeading(walk: Walk, depth: number, text: string | null): void {
  while ((walk.headings.at(-1)?.depth ?? 0) >= depth) walk.headings.pop()
  if (text) walk.headings.push({ depth, text })
}

/** The context an item found now is quoted with. */
function contextOf(walk: Walk): Context {
  return { headings: walk.headings.map((heading) => heading.text), parents: [...walk.parents] }
}

/**
 * Walks a list's items. A list item that is only a label with no list of its own
 * (`- TODOs:` followed by `- write X` at the same level) labels the items after it.
 */
function walkList(list: unknown, label: Label | null, walk: Walk, depth: number): void {
  let siblingLabel: Label | null = null
  const items = childrenOf(list)
  const outerSurvey = walk.survey
  walk.survey = isSurvey(items, walk)
  for (const [index, item] of items.entries()) {
    if (walk.consumed.has(item)) continue
    if (typeOf(item) !== 'listItem') {
      walkBlocks([item], null, walk, depth + 1)
      continue
    }
    const ending = walkListItem(item, label ?? siblingLabel, walk, depth + 1)
    if (ending && ending.length > 0 && index === items.length - 1) parentItem(item, ending, walk, label === null && siblingLabel === null)
    else siblingLabel = ending ?? siblingLabel
  }
  walk.survey = outerSurvey
}

/** An answer to tick, not a task: `- [ ] yes`, `- [ ] no, not now`. */
const ANSWER = /^(?:yes|no|maybe|n\/a|agree|disagree)\b[\s.!:,]*(?:\S+\s*){0,2}$/iu

/** An answer is a few words; the length check keeps the pattern off long texts. */
function isAnswer(text: string): boolean {
  return text.length <= 40 && ANSWER.test(text)
}

/**
 * A list of boxes is a survey when one of its items holds a box inside its text
 * (`- If yes, [ ] with the same UUID?`), or when its boxes are a few words each under a
 * question (`- Which image?⏎  - [ ] the same UUID⏎  - [ ] a new UUID`).
 */
function isSurvey(items: unknown[], walk: Walk): boolean {
  const boxed = items.filter((item) => checkedOf(item) !== null)
  if (boxed.length === 0) return false
  const texts = items.map((item) => {
    const first = childrenOf(item)[0]
    return typeOf(first) === 'paragraph' ? plainTextOf(first, () => false).text : ''
  })
  if (texts.some((text) => SURVEY_BOX.test(text))) return true
  // Two or more short boxes under a question are its answers; long ones are the tasks it asks for.
  const question = walk.parents.at(-1)?.trimEnd().endsWith('?') === true
  return question && boxed.length >= 2 && items.every((item, index) => checkedOf(item) === null || wordsOf(texts[index] ?? '') <= ANSWER_WORDS)
}

/** An answer to a survey's question is a few words: `with the same UUID`. */
const ANSWER_WORDS = 4

function wordsOf(text: string): number {
  return text.trim().split(/\s+/u).length
}

/**
 * A marker that only names owners, last in its list, with nothing after it to label
 * (`- Should create epics for R5⏎  - *TODO: @anna and @ben*`): its text is the parent item's.
 */
function parentItem(listItem: unknown, owners: string[], walk: Walk, unlabelled: boolean): void {
  const parent = walk.parents.at(-1) ?? (unlabelled ? sectionTopic(walk) : undefined)
  if (parent === undefined || walk.parentIsItem.at(-1) === true) return
  const marks = blankDoneMarks(parent, walk.grammar)
  const text = tidyText(marks.text)
  if (text === '') return
  const position = positionOf(listItem)
  const place = { line: position?.start.line ?? 0, column: position?.start.column ?? 0, endLine: position?.end.line ?? 0, endColumn: position?.end.column ?? 0 }
  record(walk, () => itemAt(place, { owners: unique(owners), text, marked: true, done: marks.done, due: findDueDate(text, walk.grammar) }, walk))
}

/**
 * `- Can we replace it with a static image?⏎  - Yes, AI: @o-otte`: the owner's assent
 * (`onlyAssent`) takes the text of the list item it answers, unless that is an item itself.
 */
function takeQuestion(item: { text: string; done: boolean; due: string | null }, walk: Walk): void {
  const parent = walk.parents.at(-1)
  if (parent === undefined || walk.parentIsItem.at(-1) === true) return
  const marks = blankDoneMarks(parent, walk.grammar)
  const text = tidyText(marks.text)
  if (text === '') return
  item.text = text
  item.done ||= marks.done
  item.due ??= findDueDate(text, walk.grammar)
}

/**
 * The topic a top-level list is about, for an owner-only marker closing it
 * (`### Upgrading Docusaurus⏎⏎- breaking changes only in mdx⏎- AI: @maxwolfs`): the nearest
 * heading, when it is the section the list stands in (not a label heading) and not the title.
 */
function sectionTopic(walk: Walk): string | undefined {
  const nearest = walk.headings.at(-1)
  return nearest !== undefined && walk.headings.length > 1 && nearest.text === walk.section && !saysNothing(nearest.text, '') ? nearest.text : undefined
}

/** A statement, not a task: it opens with a subject or a verb of being (`we should not …`, `is overhyped`). */
const STATEMENT = /^(?:we|i|you|they|it|this|that|there|he|she|is|are|was|were|can|could|should|would|may|might|must|seems?|has|have)(?![\p{L}\p{N}])/iu

/**
 * `## AI tools⏎- AI: we should not rely on it`: under a heading or list item about the
 * ambiguous marker's other meaning, a line opening with it and a colon, naming nobody, that
 * goes on with a statement is a remark on the topic, not an item. A task there
 * (`AI: evaluate the licences`) is still one.
 */
function aboutTheWord(line: string, reading: { owners: string[]; text: string }, walk: Walk): boolean {
  if (reading.owners.length > 0 || !walk.grammar.opensWithAmbiguous(line) || !STATEMENT.test(reading.text.trimStart())) return false
  const context = [...walk.headings.map((heading) => heading.text), ...walk.parents]
  return context.some((text) => walk.grammar.ambiguousWord.test(text.slice(0, CONTEXT_TEXT_LIMIT)))
}

/** Returns the label the item ends with when no list of its own follows it, for its siblings. */
function walkListItem(listItem: unknown, label: Label | null, walk: Walk, depth: number): Label | null {
  if (depth > MAX_DEPTH) return null
  const [first, ...rest] = childrenOf(listItem)
  if (typeOf(first) !== 'paragraph') {
    walkBlocks(childrenOf(listItem), null, walk, depth + 1)
    return null
  }
  const before = walk.count
  const childLabel = walkParagraph(first, listItem, label, walk) ?? ownedLabel(first, rest.find((child) => typeOf(child) === 'list'), walk)
  // The sub-list leans on this item ("cancel it"), unless the item only labels it; no
  // sub-blocks, no context to give (most items: reading it would cost a tenth of the walk).
  const parent = childLabel || rest.length === 0 ? '' : tidyText(plainTextOf(first, () => false).text)
  if (parent !== '') {
    walk.parents.push(parent)
    walk.parentIsItem.push(walk.count > before)
  }
  walkBlocks(rest, childLabel, walk, depth + 1)
  if (parent !== '') {
    walk.parents.pop()
    walk.parentIsItem.pop()
  }
  return rest.some((child) => typeOf(child) === 'list') ? null : childLabel
}

/**
 * Reads a paragraph, one segment (line meant as a bullet) at a time, and records its items.
 * `host` is the list item the paragraph opens, if any: the item then spans the list item,
 * and its sub-bullets may name its owners or report it done. `arrowLabel` is the label of the
 * heading above: under `## Action items`, lines opening with an arrow (`=> @alice will X`)
 * are its items.
 * Returns the label the paragraph ends with, for the list that follows.
 */
function walkParagraph(paragraph: unknown, host: unknown, label: Label | null, walk: Walk, arrowLabel: Label | null = null): Label | null {
  const { grammar } = walk
  const plain = plainTextOf(paragraph, (text) => grammar.doneWord.test(text))
  // With no label, arrow or box to make its lines items, only a marker can: most paragraphs
  // name none, and the pre-check spares them the segmenting and reading below.
  if (label === null && arrowLabel === null && (walk.survey || checkedOf(host) === null) && !grammar.mayHoldMarker.test(plain.text)) return null
  const segments = splitAtLabelLines(plain.text, segmentsOf(plain.text), grammar)
  let active: Label | null = null
  segments.forEach((whole, index) => {
    const head = index === 0
    const arrowed = arrowLabel !== null && ARROW_START.test(plain.text.slice(whole.start, whole.end))
    const listLabel = (head ? label : active) ?? (arrowed ? arrowLabel : null)
    const checked = head && !walk.survey ? checkedOf(host) : null
    const context = { label: listLabel, checked, people: walk.people }
    const { cut, later } = cutLaterItems(plain, whole, context, grammar)
    const found = readSegment(cut, whole, context, grammar)
    if (!found) return
    const { reading, segment } = found
    if (reading.text === '') {
      active = reading.owners
      return
    }
    if (listLabel === null && checked === null && aboutTheWord(plain.text.slice(segment.start, segment.end), reading, walk)) return
    if (listLabel !== null && groupsList(host, plain.text.slice(whole.start, whole.end), reading, segments.length)) {
      // `- Team IaaS:` over a sub-list, in a labelled list: it names a group; its items are the tasks.
      active = listLabel
      return
    }
    const item = { ...reading }
    // Read even for an item only counted: the sub-bullets it takes are not walked as items.
    if (head && host) takeFromSubBullets(host, item, walk)
    record(walk, () => {
      if (item.owners.length > 0 && onlyAssent(item.text)) takeQuestion(item, walk)
      const opens = head && segment.start === whole.start ? (host ?? paragraph) : null
      const place = placeOf(plain, segment, opens, index === segments.length - 1 ? paragraph : null)
      return {
        ...place,
        owners: item.owners,
        text: item.text,
        done: item.done,
        due: item.due,
        id: fingerprint(item.owners, item.text),
        section: walk.section,
        context: contextOf(walk),
        ...withReferences(referencesIn(plain, whole.start, whole.end, later)),
      }
    })
    for (const { reading: extra, start, end } of later) {
      record(walk, () => {
        const from = sourcePointAt(plain, start)
        const to = sourcePointAt(plain, end)
        return {
          line: from?.line ?? 0,
          column: from?.column ?? 0,
          endLine: to?.line ?? 0,
          endColumn: to?.column ?? 0,
          owners: extra.owners,
          text: extra.text,
          done: extra.done,
          due: extra.due,
          id: fingerprint(extra.owners, extra.text),
          section: walk.section,
          context: contextOf(walk),
          ...withReferences(referencesIn(plain, start, end)),
        }
      })
    }
  })
  return active
}

/**
 * Several items in one segment (`AI @anna: ask A, AI @ben: ask B`): the later ones are read
 * on their own and blanked out of the text the first item is read from (blanked with spaces,
 * so offsets hold).
 */
function cutLaterItems(plain: PlainText, segment: Segment, context: ItemContext, grammar: CompiledGrammar): { cut: PlainText; later: Array<{ reading: Reading; start: number; end: number }> } {
  const line = lineOf(plain, segment)
  const cuts = laterItems(line, grammar, context.people)
  if (cuts.length === 0) return { cut: plain, later: [] }
  const later: Array<{ reading: Reading; start: number; end: number }> = []
  for (const cut of cuts) {
    const reading = readItem(lineOf(plain, { start: segment.start + cut.inner.start, end: segment.start + cut.inner.end }), { ...context, label: null, checked: null }, grammar)
    if (!reading || reading.text === '') continue
    later.push({ reading, start: segment.start + cut.start, end: segment.start + cut.end })
  }
  // Blanked in one pass (the cuts are in order and do not overlap): one rebuild per cut is quadratic.
  const pieces: string[] = []
  let from = 0
  for (const { start, end } of later) {
    pieces.push(plain.text.slice(from, start), ' '.repeat(end - start))
    from = end
  }
  pieces.push(plain.text.slice(from))
  return { cut: { ...plain, text: pieces.join('') }, later }
}

/** A line of a few words may be a label; a longer one is a statement. */
const OWNED_LABEL_WORDS = 7

/**
 * An owned label (`R6 priorities and actions:`) labels the list after it when at least half
 * of the list's items name someone (`- create the testbed (@alice)`); else it is a word.
 * A line label alone on its line (`Tasks:`) labels the list whoever it names.
 */
function ownedLabel(paragraph: unknown, list: unknown, walk: Walk): Label | null {
  if (list === undefined) return null
  const text = plainTextOf(paragraph, () => false).text.trim()
  if (hasMoreWords(text, OWNED_LABEL_WORDS)) return null
  // `Tasks:`, `- Actions`: a line label of its own labels every item of its list.
  if (walk.grammar.lineLabelLine.test(text)) return []
  if (!(walk.grammar.ownedLabel.test(text) || walk.grammar.ownedLabelLine.test(text))) return null
  return namesPeople(list, walk) ? [] : null
}

/**
 * Whether at least half of a list's items name someone: a handle anywhere (`create the
 * testbed (@alice)`), or a known name where an owner stands (`Anna: book the room`).
 */
function namesPeople(list: unknown, walk: Walk): boolean {
  const items = childrenOf(list)
  const owned = items.filter((item) => {
    const text = plainTextOf(childrenOf(item)[0], () => false).text
    return /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9]/u.test(text) || readAssignment(text, walk.grammar, walk.people).owners.length > 0
  })
  return items.length > 0 && owned.length * 2 >= items.length
}

/** Whether `text` has more than `limit` words, counting no further than needed. */
function hasMoreWords(text: string, limit: number): boolean {
  const gaps = /\s+/gu
  let words = 1
  while (gaps.exec(text)) if (++words > limit) return true
  return false
}

/** Whether a labelled list item with no marker or owners, ending with a colon, heads a sub-list. */
function groupsList(host: unknown, raw: string, reading: Reading, segments: number): boolean {
  return host !== null && segments === 1 && !reading.marked && reading.owners.length === 0 && /:[\s*_]*$/u.test(raw) && childrenOf(host).some((child) => typeOf(child) === 'list')
}

/** A further box inside a task item's text: the item is a row of options. */
const SURVEY_BOX = /\[[ xX]\]/u

/** An arrow opening a line: `=> text`, `-> text`. */
const ARROW_START = /^[ \t]*(?:=>|-{1,2}>|→|⇒)/u

/**
 * Cuts a segment before and after a line that is only a label (`TODO:`, `Action items`), so
 * that note and label are read apart: `… slow down the API⏎TODO:` is a note, then a label
 * for the list that follows.
 */
function splitAtLabelLines(text: string, segments: Segment[], grammar: CompiledGrammar): Segment[] {
  return segments.flatMap((segment) => {
    // A segment of one line (most items) has no line to cut at.
    const newline = text.indexOf('\n', segment.start)
    if (newline === -1 || newline >= segment.end) return [segment]
    const pieces: Segment[] = []
    let start = segment.start
    let offset = segment.start
    for (const line of text.slice(segment.start, segment.end).split('\n')) {
      const end = offset + line.length
      if (offset > start && grammar.bareLabel.test(line)) {
        pieces.push({ start, end: offset - 1 })
        start = offset
      } else if (offset === start && end < segment.end && grammar.bareLabel.test(line)) {
        pieces.push({ start, end })
        start = end + 1
      }
      offset = end + 1
    }
    pieces.push({ start, end: segment.end })
    return pieces
  })
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
    const narrowed = readItem(lineOf(plain, later), { label: null, checked: null, people: context.people }, grammar)
    if (narrowed && narrowed.text !== '') return { reading: narrowed, segment: later }
  }
  return { reading, segment }
}

interface ItemContext {
  /** The label of the list the line is in, if any. */
  label: Label | null
  /** The task box of the list item the line opens, if any. */
  checked: boolean | null
  people: People
}

interface Reading {
  owners: string[]
  /** Tidied; empty for a label. */
  text: string
  /** Whether a marker made it an item (not a label or task box above it). */
  marked: boolean
  done: boolean
  due: string | null
}

/**
 * A statement of how things stand, not a task: a subject of one or two words and a verb of
 * being (`wording needs no change`, `PR is merged`), or a status alone (`open`, `no change`).
 */
const STATUS_NOTE = /^(?:(?:[\p{L}\p{N}#/.'’-]+[:,]?\s+){1,2}(?:is|are|was|were|has\s+been|have\s+been|needs?\s+no|requires?\s+no|remains|stays|seems|looks)\b|(?:open|ok|okay|fine|ongoing|in\s+progress|wip|obsolete|no\s+change(?:\s+needed)?|not\s+needed|nothing\s+to\s+do)[.!]?$)/iu

/**
 * Reads one line: a marker makes it an item; without one, a task box or a label above makes
 * it an item whose owners may open or close it. Placeholders (`- None`) are not items.
 */
function readItem(line: Line, context: ItemContext, grammar: CompiledGrammar): Reading | null {
  const marks = blankDoneMarks(line.text, grammar)
  const blanked = { ...line, text: marks.text }
  const implied = context.label !== null || context.checked !== null
  // The pre-check spares the four marker readers a line that names no marker.
  const marked = grammar.mayHoldMarker.test(blanked.text) ? readMarker(blanked, grammar, { people: context.people }) : null
  let reading = marked ?? (implied ? readAssignment(blanked.text, grammar, context.people) : null)
  if (!reading) return null
  // `- wording needs no change` in a ToDo list: a note on the list, not a task.
  if (!marked && context.checked === null && reading.owners.length === 0 && STATUS_NOTE.test(tidyText(reading.text))) return null
  // `- [ ] yes [ ] no`: boxes to tick in a survey, not a task.
  if (context.checked !== null && context.label === null && !marked && (SURVEY_BOX.test(reading.text) || isAnswer(tidyText(reading.text)))) return null
  if (reading.owners.length === 0 && reading.text.trim() !== '' && !context.label?.length) reading = readTrailingOwners(reading.text, grammar) ?? reading
  const text = tidyText(reading.text)
  const owners = reading.owners.length > 0 ? reading.owners : (context.label ?? [])
  if (text !== '' && grammar.isPlaceholder(text)) return null
  return { owners: unique(owners), text, marked: marked !== null, done: marks.done || context.checked === true, due: findDueDate(text, grammar) }
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
      const owners = needsOwners ? ownersOfOwnerLine(tidyText(text), walk.people) : null
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

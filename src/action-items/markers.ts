import type { CompiledGrammar } from './compile-grammar.js'
import { parseBareOwnerList, parseOwnerList, unique } from './owners.js'
import { skipProgressive } from './progressive.js'
import { NO_PEOPLE, type People } from './people.js'

/**
 * What a marker said about one line of plain text: who owns the item and what the text is
 * once the marker, its owners and its glue are cut out. An empty `text` means the marker
 * stood alone (`AI:`, `=> TODO:`, `### Action items`): it labels the list that follows.
 */
export interface MarkerReading {
  owners: string[]
  /** Raw: still to be tidied and checked for done marks by the caller. */
  text: string
}

/** A line of plain text and what the inline structure said about it. */
export interface Line {
  text: string
  /** `[start, end)` ranges of inline code, where markers are quoted, not meant. */
  code: Array<[number, number]>
  /** Offset where a leading emphasis ends, else -1: `**TODO** fix` is a deliberate marker. */
  leadingEmphasisEnd: number
}

/** An arrow closing the text before a marker: `… -> AI discuss`. */
const ARROW_END = /(?:=>|-{1,2}>|→|⇒)\s*$/u

/** A count of a list, after its label: `6 in total`, `(3)`, `2 open`. */
const COUNT = /^\s*\(?\s*\d{1,4}(?:\s+(?:in\s+total|total|open|new|left|items?|AIs?))?\s*\)?[.:]?\s*$/iu

/** Arrows and bullets that may precede a marker: `=> TODO:`, `-> AI @alice:`. */
const LEADING_GLUE = /^[\s>=→⇒•–—-]*/u

/**
 * Reads a marker in a line, trying in turn: a marker opening the line (`AI @alice: text`,
 * `TODO (with R5): text`, `Action items`), a marker inside a parenthesised group
 * (`text (AI @garloff, w/ @berendt)`), and a marker further in (`..., Action Item @x, ...`).
 * Returns null when the line carries no marker.
 */
export function readMarker(line: Line, grammar: CompiledGrammar, options: { heading?: boolean; people?: People } = {}): MarkerReading | null {
  const people = options.people ?? NO_PEOPLE
  return (
    readLeadingMarker(line, grammar, options.heading ?? false, people) ??
    readGroupMarker(line, grammar, people) ??
    readInlineMarker(line, grammar, people) ??
    readLabelLine(line, grammar)
  )
}

/**
 * Where further items start in a line that opens with a marker: a parenthesised marker with
 * text of its own (`TODO: attack it (AI Kurt: write the epic)`) or a marker with owners or a
 * colon after a comma or full stop (`AI @anna: ask A, AI @ben: ask B`). Each range is cut
 * from the first item and read as an item of its own; `inner` is what to read (a group's
 * inside). Empty when the line holds one item.
 */
export function laterItems(line: Line, grammar: CompiledGrammar, people: People): Array<{ start: number; end: number; inner: { start: number; end: number } }> {
  const { text } = line
  const start = LEADING_GLUE.exec(text)?.[0].length ?? 0
  grammar.startPhrase.lastIndex = start
  const opening = grammar.startPhrase.exec(text)
  if (!opening || inCode(line, start)) return []
  const firstEnd = start + opening[0].length
  const groups = groupsOf(text)
  // Most lines hold one item: with no group and no inline marker after the opening one there
  // is nothing to cut, and the line's marker need not be read twice (the caller reads it).
  if (!groups.some((group) => group.start >= firstEnd) && !markerFrom(text, firstEnd, grammar)) return []
  if (!readLeadingMarker(line, grammar, false, people)) return []
  const inGroup = ascendingCover(groups.map((group): [number, number] => [group.start + 1, group.end]))
  const quoted = ascendingCover(line.code)
  const cuts: Array<{ start: number; end: number; inner: { start: number; end: number } }> = []
  for (const group of groups) {
    if (group.start < firstEnd || inCode(line, group.start)) continue
    const inner = { start: group.start + 1, end: group.end - 1 }
    const reading = readLeadingMarker({ text: text.slice(inner.start, inner.end), code: [], leadingEmphasisEnd: -1 }, grammar, false, people)
    if (reading && reading.text.trim() !== '' && /^\s*\p{L}/u.test(text.slice(inner.start, inner.end))) cuts.push({ ...group, inner })
  }
  const inline: number[] = []
  for (const match of text.matchAll(grammar.inlineMarker)) {
    const at = match.index
    if (at < firstEnd || quoted(at) || inGroup(at)) continue
    if (!/[,;.]/u.test(lastNonSpace(text, at))) continue
    const tail = readTail(text, at + match[0].length, { inGroup: false, grammar, people, ambiguous: grammar.isAmbiguous(match[1] ?? '') })
    if (tail.owners.length > 0 || tail.colon) inline.push(at)
  }
  if (inline.length === 0) return cuts
  // Each inline item runs up to the next cut of either kind: `AI @a: x, AI @b: y, AI @c: z`.
  const starts = [...cuts.map((cut) => cut.start), ...inline].sort((a, b) => a - b)
  let next = 0
  for (const at of inline) {
    while (next < starts.length && (starts[next] ?? 0) <= at) next++
    const end = starts[next] ?? text.length
    cuts.push({ start: at, end, inner: { start: at, end } })
  }
  return cuts.sort((a, b) => a.start - b.start)
}

/** Whether an inline marker starts at `from` or after it (the shared global pattern is given back at 0, where `matchAll` starts). */
function markerFrom(text: string, from: number, grammar: CompiledGrammar): boolean {
  const { inlineMarker } = grammar
  inlineMarker.lastIndex = from
  const found = inlineMarker.test(text)
  inlineMarker.lastIndex = 0
  return found
}

/** The character before `at` once spaces are skipped, or '' at the start of the text. */
function lastNonSpace(text: string, at: number): string {
  let index = at - 1
  while (index >= 0 && /\s/u.test(text[index] ?? '')) index--
  return index >= 0 ? (text[index] ?? '') : ''
}

/**
 * Whether offsets, asked about in ascending order, fall inside one of `ranges` (`[start, end)`,
 * sorted by start): a pointer walks the ranges once, so a line of many markers and many
 * groups or code spans costs their sum, not their product.
 */
function ascendingCover(ranges: ReadonlyArray<readonly [number, number]>): (offset: number) => boolean {
  let index = 0
  return (offset) => {
    while (index < ranges.length && (ranges[index]?.[1] ?? 0) <= offset) index++
    const range = ranges[index]
    return range !== undefined && range[0] <= offset && offset < range[1]
  }
}

/** A line of a few words is a label when a label phrase stands anywhere in it. */
const LABEL_LINE_WORDS = 7

/**
 * A short line naming a label phrase anywhere labels the list after it, as one opening with
 * it does: `Check AIs from last time`, `R4 to-dos`, `Other TODOs:`, `Action Items (AIs): 6`.
 */
function readLabelLine(line: Line, grammar: CompiledGrammar): MarkerReading | null {
  if (hasMoreWordsThan(line.text, LABEL_LINE_WORDS)) return null
  for (const match of line.text.matchAll(grammar.labelPhrase)) {
    if (!inCode(line, match.index)) return { owners: [], text: '' }
  }
  return null
}

/** Whether `text` holds more than `limit` words, counting no further than needed (a paragraph may be long). */
function hasMoreWordsThan(text: string, limit: number): boolean {
  const gaps = /\s+/gu
  const trimmed = text.trim()
  let words = 1
  while (gaps.exec(trimmed)) if (++words > limit) return true
  return false
}

function readLeadingMarker(line: Line, grammar: CompiledGrammar, heading: boolean, people: People): MarkerReading | null {
  const { text } = line
  const start = LEADING_GLUE.exec(text)?.[0].length ?? 0
  if (inCode(line, start)) return null
  grammar.startPhrase.lastIndex = start
  const match = grammar.startPhrase.exec(text)
  const phrase = match?.[1]
  if (!match || phrase === undefined) return null
  const phraseEnd = start + match[0].length
  const tail = readTail(text, phraseEnd, { inGroup: false, grammar, people, ambiguous: grammar.isAmbiguous(phrase) })
  const label = grammar.isLabel(phrase)
  // `Action Items (AIs): 6 in total`: a label that counts its list still only labels it.
  const rest = label && COUNT.test(text.slice(tail.textStart)) ? '' : text.slice(tail.textStart)
  if (label && tail.owners.length === 0) tail.qualifiers = tail.qualifiers.filter((qualifier) => !COUNT.test(qualifier) && !grammar.isLabel(qualifier))
  const bare = rest.trim() === '' && tail.qualifiers.length === 0
  const ambiguous = grammar.isAmbiguous(phrase)
  const capitals = phrase === phrase.toUpperCase() && /\p{Lu}/u.test(phrase)
  const emphasised = line.leadingEmphasisEnd >= phraseEnd
  const accepted =
    tail.colon ||
    tail.owners.length > 0 ||
    (label && (heading || bare || rest.trimEnd().endsWith(':'))) ||
    (!ambiguous && (capitals || emphasised || bare))
  if (!accepted) return null
  // A marker with nothing after it, or `Action items from last week:`, labels what follows.
  if (rest.trim() === '' || (label && !tail.colon && tail.owners.length === 0)) return { owners: tail.owners, text: '' }
  return { owners: tail.owners, text: withQualifiers(rest, tail.qualifiers) }
}

function readGroupMarker(line: Line, grammar: CompiledGrammar, people: People): MarkerReading | null {
  const { text } = line
  for (const group of groupsOf(text)) {
    const inner = text.slice(group.start + 1, group.end - 1)
    if (inCode(line, group.start + 1)) continue
    for (const match of inner.matchAll(grammar.groupMarker)) {
      const tail = readTail(inner, match.index + match[0].length, { inGroup: true, grammar, people, ambiguous: grammar.isAmbiguous(match[1] ?? '') })
      if (tail.owners.length === 0 && !tail.colon) {
        // `(AI research @matofeder)`: a few words, then the owners closing the group.
        const closing = readTrailingOwners(inner.slice(tail.textStart), grammar)
        if (!closing || closing.owners.length === 0 || tidy(closing.text) === '') continue
        tail.owners = closing.owners
        tail.qualifiers.push(tidy(closing.text))
        tail.textStart = inner.length
      }
      if (tail.owners.length === 0) {
        // `(TODO: Clarify @garloff)`: the owners close the marker's own text.
        const closing = readTrailingOwners(inner.slice(tail.textStart), grammar)
        if (closing && closing.owners.length > 0 && tidy(closing.text) !== '') {
          tail.owners = closing.owners
          tail.textStart = inner.length
          tail.qualifiers.push(tidy(closing.text))
        }
      }
      const leftovers = [inner.slice(0, match.index), ...tail.qualifiers, inner.slice(tail.textStart)]
        .map((piece) => piece.trim())
        .filter((piece) => piece !== '')
      const replacement = leftovers.length > 0 ? `(${leftovers.join(', ')})` : ''
      return { owners: tail.owners, text: text.slice(0, group.start) + replacement + text.slice(group.end) }
    }
  }
  return null
}

function readInlineMarker(line: Line, grammar: CompiledGrammar, people: People): MarkerReading | null {
  const { text } = line
  let inGroup: ((offset: number) => boolean) | null = null
  const quoted = ascendingCover(line.code)
  for (const match of text.matchAll(grammar.inlineMarker)) {
    const start = match.index
    const phrase = match[1] ?? ''
    inGroup ??= ascendingCover(groupsOf(text).map((group): [number, number] => [group.start + 1, group.end]))
    if (quoted(start) || inGroup(start)) continue
    const tail = readTail(text, start + match[0].length, { inGroup: false, grammar, people, ambiguous: grammar.isAmbiguous(phrase) })
    // "is AI: ..." is prose; "-> AI: ..." and "Hackathon, AI: ..." set the marker apart. Only
    // the text just before the marker is looked at, so a line of many markers stays linear.
    const before = start <= NEAR_MARKER ? text.slice(0, start) : `\u0000${text.slice(start - NEAR_MARKER, start)}`
    const punctuated = /(?:^|[>,;:(.?!–—-])\s*$/u.test(before)
    const whose = punctuated ? null : whoseMarker(before)
    const setApart = punctuated || whose !== null
    // `-> AI discuss, possibly add to scope`: an arrow and capitals make even a bare `AI` a marker.
    WORD_AFTER.lastIndex = start + match[0].length
    const afterArrow = ARROW_END.test(before) && phrase === phrase.toUpperCase() && WORD_AFTER.test(text)
    const accepted = tail.owners.length > 0 || (tail.colon && (setApart || !grammar.isAmbiguous(phrase))) || afterArrow
    if (!accepted) continue
    if (whose !== null) {
      // `dave AI: call the vendor` names its owner; `community AI: …` whose it is, kept after the
      // text as a name is; `current TODO for @x, …` only describes the marker, and goes.
      const describes = DESCRIBING.has(whose.toLowerCase())
      const login = tail.owners.length === 0 && !describes ? people.login(whose) : null
      const qualifiers = login === null && !describes ? [...tail.qualifiers, whose] : tail.qualifiers
      return { owners: login === null ? tail.owners : [login], text: withQualifiers(text.slice(tail.textStart), qualifiers) }
    }
    const rest = withQualifiers(text.slice(tail.textStart), tail.qualifiers)
    return { owners: tail.owners, text: `${text.slice(0, start)} ${rest}` }
  }
  return null
}

/** A word after a space, at a given offset (sticky). */
const WORD_AFTER = /\s+\p{L}/uy

/** How much of the text before an inline marker decides how it is set apart. */
const NEAR_MARKER = 80

/** Words that make `<word> AI` a kind of AI, or prose, rather than whose item it is. */
const NOT_WHOSE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'no', 'not', 'the', 'a', 'an', 'of', 'for', 'with', 'by', 'about', 'and', 'or', 'use', 'using', 'via', 'generative', 'gen', 'open', 'sovereign', 'explainable', 'responsible', 'trustworthy', 'local', 'conversational', 'agentic', 'new'])

/** Words before a marker that say what kind of item it is, not whose: `current TODO for @x`. */
const DESCRIBING = new Set(['current', 'pending', 'urgent', 'important', 'optional', 'another', 'further', 'next', 'last', 'old', 'first', 'final'])

/** The one word before `AI` is short; a longer start is a sentence, and not worth a scan. */
const WHOSE_CHARS = 40

/**
 * `community AI: please try the script`: one word opening the line before the marker names
 * whose item it is (the community, the team), unless it makes the marker a kind of AI
 * (`Generative AI: …`) or prose (`is AI: …`). Returns the word, or null.
 */
function whoseMarker(before: string): string | null {
  if (before.length > WHOSE_CHARS) return null
  const word = /^[\s>=→⇒•–—*_-]*([\p{L}][\p{L}\p{N}-]*)\s+$/u.exec(before)?.[1]
  return word !== undefined && !NOT_WHOSE.has(word.toLowerCase()) ? word : null
}

/**
 * A list item with no marker of its own whose item-ness comes from elsewhere (a task box,
 * a label above it): its owners open it (`@alice to do X`, `@alice: X`) or close it in
 * parentheses (`Mention X (@chess-knight)`).
 */
export function readAssignment(text: string, grammar: CompiledGrammar, people: People = NO_PEOPLE): MarkerReading {
  const start = LEADING_GLUE.exec(text)?.[0].length ?? 0
  const leading = parseOwnerList(text, start)
  if (leading) {
    let index = skipGlue(text, leading.end, true)
    index = skipOwnerGlue(text, index, grammar)
    return { owners: leading.owners, text: text.slice(index) }
  }
  const named = readNames(text, start, people, { known: true, glue: grammar.ownerGlue })
  if (named && named.owners.length > 0) return { owners: named.owners, text: text.slice(skipOwnerGlue(text, skipGlue(text, named.end, true), grammar)) }
  const trailing = /\(([^()]*)\)[\s.!]*$/u.exec(text)
  const inner = trailing?.[1]
  if (trailing && inner !== undefined) {
    const list = parseOwnerList(inner, 0)
    if (list && inner.slice(list.end).trim() === '') return { owners: list.owners, text: text.slice(0, trailing.index) }
  }
  return { owners: [], text }
}

/** Words after which a handle is whom the task involves, not who does it: `ask @x`, `with @x`. */
const OBJECT_WORDS = new Set(
  ['with', 'w/', 'from', 'to', 'by', 'for', 'of', 'and', 'or', 'cc', 'via', 'ask', 'asks', 'ping', 'pings', 'contact', 'tell', 'inform', 'invite', 'involve', 'remind', 'thank', 'thanks', 'support', 'help', 'connect', 'link', 'meet', 'call', 'mail', 'email', 'assign', 'at', 'on', 'in'],
)

/** An arrow or a spaced dash before owners: `… => @garloff`, `… - @reqa will do this`. */
const OWNERS_AFTER = /(?:=>|-{1,2}>|→|⇒|\s[-–—])\s*(?=@)/gu

/**
 * Owners written after the task, for an item that names none before it: after an arrow or a
 * dash (`… => @garloff to write the issue`, `… - @reqa will do this`), in a closing
 * parenthesis that opens with them (`… (@fkr to talk to @gtema)`), or closing the line
 * (`Board cleanup @anna, @ben`) unless a word such as `ask` or `with` makes them its object.
 * Returns the owners and the text without them, or null.
 */
export function readTrailingOwners(text: string, grammar: CompiledGrammar): MarkerReading | null {
  for (const match of text.matchAll(OWNERS_AFTER)) {
    const list = parseOwnerList(text, match.index + match[0].length)
    if (!list) continue
    const rest = text.slice(skipOwnerGlue(text, skipSpaces(text, list.end), grammar))
    return { owners: list.owners, text: `${text.slice(0, match.index)} ${rest}` }
  }
  const trailing = /\(([^()]*)\)[\s.!]*$/u.exec(text)
  const inner = trailing?.[1]
  if (trailing && inner !== undefined) {
    const list = parseOwnerList(inner, 0)
    if (list && inner.slice(0, inner.indexOf('@')).trim() === '') {
      const after = skipSpaces(inner, list.end)
      grammar.ownerGlue.lastIndex = after
      if (after === inner.length || grammar.ownerGlue.test(inner)) {
        const rest = inner.slice(skipOwnerGlue(inner, after, grammar)).trim()
        return { owners: list.owners, text: `${text.slice(0, trailing.index)}${rest === '' ? '' : ` (${rest})`}` }
      }
    }
  }
  let end = text.length
  while (end > 0 && /[\s.!]/u.test(text[end - 1] ?? '')) end--
  // A list read from one handle runs on over the handles after it: skip those, they end where it does.
  let readUpTo = 0
  for (const candidate of text.matchAll(/(?<=\s)@/gu)) {
    if (candidate.index < readUpTo) continue
    const list = parseOwnerList(text, candidate.index)
    if (!list) continue
    readUpTo = list.end
    if (list.end !== end) continue
    const before = text.slice(0, candidate.index)
    const previous = lastWord(before).toLowerCase().replace(/[^\p{L}/]/gu, '')
    if (OBJECT_WORDS.has(previous) || before.trim() === '') return null
    return { owners: list.owners, text: before }
  }
  return null
}

/** The last word of a text (`''` when none), found from the end without a backtracking pattern. */
function lastWord(text: string): string {
  const trimmed = text.trimEnd()
  const space = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t'), trimmed.lastIndexOf('\n'))
  return trimmed.slice(space + 1)
}

/** The longest parenthesised qualifier or owner list read right after a marker. */
const MAX_QUALIFIER = 200

interface Tail {
  owners: string[]
  colon: boolean
  /** Words that qualify the marker and belong to the text: `TODO (with R5)`, `(AI set up: @x)`. */
  qualifiers: string[]
  /** Where the item's own text starts. */
  textStart: number
}

/**
 * Reads what follows a marker: an optional parenthesised owner list or qualifier
 * (`AI(berendt)`, `TODO (with R5)`), a colon, the owners, another colon or a dash, and the
 * glue word before the task (`@alice to do X`).
 */
function readTail(text: string, from: number, context: { inGroup: boolean; grammar: CompiledGrammar; people: People; ambiguous: boolean }): Tail {
  const tail: Tail = { owners: [], colon: false, qualifiers: [], textStart: from }
  let index = from
  const attached = text[index] === '('
  index = skipSpaces(text, index)
  if (!context.inGroup && text[index] === '(') {
    // A qualifier is short; looking further for its end would make `AI (AI (AI (…` quadratic.
    const near = text.slice(index, index + MAX_QUALIFIER).indexOf(')')
    const close = near === -1 ? -1 : index + near
    const inner = close > index ? text.slice(index + 1, close) : null
    if (inner !== null && !inner.includes('(')) {
      const list = parseOwnerList(inner, 0)
      const owners = list && inner.slice(list.end).trim() === '' ? list.owners : attached ? parseBareOwnerList(inner) : null
      if (owners) tail.owners.push(...owners)
      else if (inner.trim() !== '') tail.qualifiers.push(inner.trim())
      index = skipSpaces(text, close + 1)
    }
  }
  if (context.inGroup && text[index] !== ':' && text[index] !== '@') {
    // `(AI set up: @berendt)`: a few words, a colon, then owners.
    const qualified = /([^:@()]{1,40}?)\s*:/uy
    qualified.lastIndex = index
    const match = qualified.exec(text)
    if (match && parseOwnerList(text, qualified.lastIndex)) {
      tail.qualifiers.push((match[1] ?? '').trim())
      index = qualified.lastIndex - 1
    }
  }
  const forOwners = /for[ \t]+(?=@)/iuy
  forOwners.lastIndex = index
  if (forOwners.exec(text)) {
    // `TODO for @markus, write the spec`: whose item it is, after `for`.
    const list = parseOwnerList(text, forOwners.lastIndex)
    if (list) {
      tail.owners.push(...list.owners)
      index = skipSpaces(text, list.end)
    }
  }
  if (tail.owners.length === 0 && text[index] !== ':' && text[index] !== '@') {
    // `AI Kurt: write the epic`: names where owners stand, before the colon. Any capitalised
    // name makes an `AI` a marker; other markers take only names the minutes resolve.
    const named = readNames(text, index, context.people, { known: !context.ambiguous, colon: true, glue: context.grammar.ownerGlue })
    if (named) {
      tail.owners.push(...named.owners)
      tail.qualifiers.push(...named.unresolved)
      index = named.end
    }
  }
  if (text[index] === ':') {
    tail.colon = true
    index = skipSpaces(text, index + 1)
  }
  if (tail.owners.length === 0 && text[index] !== '@') {
    // `AI: Sam pings Olga`, `TODO Sam to draft it`: a known name opening the task.
    const named = readNames(text, index, context.people, { known: true, glue: context.grammar.ownerGlue })
    if (named && /^\s+\p{Ll}/u.test(text.slice(named.end))) {
      tail.owners.push(...named.owners)
      index = skipSpaces(text, named.end)
    }
  }
  const list = parseOwnerList(text, index)
  if (list) {
    tail.owners = unique([...tail.owners, ...list.owners])
    index = list.end
    for (let more = moreOwners(text, index); more; more = moreOwners(text, index)) {
      tail.owners = unique([...tail.owners, ...more.owners])
      index = more.end
    }
  }
  const owned = tail.owners.length > 0
  const afterGlue = skipGlue(text, index, owned)
  if (text[skipSpaces(text, index)] === ':') tail.colon = true
  // `to` is glue only after owners (`@alice to do X`); in `Action Item: to be noted` it is the task.
  index = owned ? skipOwnerGlue(text, afterGlue, context.grammar) : afterGlue
  tail.textStart = index
  return tail
}

/** Capitalised names (up to three words each) joined by `,`, `&`, `and` or `/`: `Kurt`, `Sam and Olga B`, `VP04`. */
const NAME = String.raw`\p{Lu}[\p{L}\p{N}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}'’.-]*){0,2}`
const NAMES = new RegExp(`${NAME}(?:[ \\t]*(?:,|&|\\/|[ \\t]and)[ \\t]*${NAME}){0,3}`, 'uy')

/**
 * Names written where owners stand, from `index`. With `colon`, they must be followed by one
 * (`AI Kurt:`); with `known`, every name must resolve to a login. Unresolved names are kept,
 * as written, to stay in the item's text.
 */
function readNames(text: string, index: number, people: People, options: { known: boolean; colon?: boolean; glue: RegExp }): { owners: string[]; unresolved: string[]; end: number } | null {
  NAMES.lastIndex = index
  const match = NAMES.exec(text)
  if (!match) return readLowerNames(text, index, people, options)
  let end = NAMES.lastIndex
  if (options.colon) {
    const colon = /[ \t]*(?=:)/uy
    colon.lastIndex = end
    if (!colon.exec(text)) return null
    end = colon.lastIndex
  }
  const names = match[0].split(/[ \t]*(?:,|&|\/|[ \t]and)[ \t]*/u).map((name) => name.trim()).filter((name) => name !== '')
  const owners: string[] = []
  const unresolved: string[] = []
  for (const name of names) {
    const login = people.login(name)
    if (login) owners.push(login)
    else unresolved.push(name)
  }
  if (options.known && unresolved.length > 0) return null
  return { owners: unique(owners), unresolved, end }
}

/** Names written in lower case (`dave`, `dave and olga`): one word each, so `dave to call` is not one name. */
const LOWER_NAMES = /\p{Ll}[\p{L}\p{N}'’-]{0,40}(?:[ \t]*(?:,|&|\/|[ \t]and)[ \t]*\p{Ll}[\p{L}\p{N}'’-]{0,40}){0,3}/uy

/**
 * `AI: dave to call`, `- dave: write the runbook`: a name in lower case is a word unless every
 * name resolves to a known person (the participants, `actionItems.people`, the run's names),
 * and a colon or the owner glue (`to`, `will`) follows it, so `AI: mark the images old` stays
 * a task even when a Mark is known.
 */
function readLowerNames(text: string, index: number, people: People, options: { colon?: boolean; glue: RegExp }): { owners: string[]; unresolved: string[]; end: number } | null {
  LOWER_NAMES.lastIndex = index
  const match = LOWER_NAMES.exec(text)
  if (!match) return null
  const end = LOWER_NAMES.lastIndex
  const after = /[ \t]*/uy
  after.lastIndex = end
  after.exec(text)
  options.glue.lastIndex = after.lastIndex
  const colon = text[after.lastIndex] === ':'
  if (!colon && (options.colon || after.lastIndex === end || !options.glue.test(text))) return null
  const names = match[0].split(/[ \t]*(?:,|&|\/|[ \t]and)[ \t]*/u).filter((name) => name !== '')
  const owners = names.map((name) => people.login(name))
  if (owners.some((login) => login === null)) return null
  return { owners: unique(owners.filter((login): login is string => login !== null)), unresolved: [], end: options.colon ? after.lastIndex : end }
}

/** After owners, more of them: in parentheses (`AI @a (@b)`) or handed on (`AI @a -> @b, @c:`). */
const MORE_OWNERS = /\s*(\(|=>|-{1,2}>|→)\s*(?=@)/uy

function moreOwners(text: string, index: number): { owners: string[]; end: number } | null {
  MORE_OWNERS.lastIndex = index
  const opener = MORE_OWNERS.exec(text)
  if (!opener) return null
  const list = parseOwnerList(text, MORE_OWNERS.lastIndex)
  if (!list) return null
  if (opener[1] !== '(') return list
  const close = /\s*\)/uy
  close.lastIndex = list.end
  return close.exec(text) ? { owners: list.owners, end: close.lastIndex } : null
}

/** Skips `:` (and, after owners, `-` or `,`) between the marker part and the text. */
function skipGlue(text: string, index: number, afterOwners: boolean): number {
  const glue = afterOwners ? /\s*(?::|,|[-–—](?=\s))?\s*/uy : /\s*:?\s*/uy
  glue.lastIndex = index
  return glue.exec(text) ? glue.lastIndex : index
}

function skipOwnerGlue(text: string, index: number, grammar: CompiledGrammar): number {
  grammar.ownerGlue.lastIndex = index
  return grammar.ownerGlue.exec(text) ? grammar.ownerGlue.lastIndex : skipProgressive(text, index)
}

function withQualifiers(text: string, qualifiers: string[]): string {
  return qualifiers.length > 0 ? `${text} (${qualifiers.join(', ')})` : text
}

/** Innermost parenthesised groups, as `[start, end)` including the parentheses. */
function groupsOf(text: string): Array<{ start: number; end: number }> {
  if (!text.includes('(')) return []
  return [...text.matchAll(/\([^()]*\)/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }))
}

function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

function inCode(line: Line, offset: number): boolean {
  return line.code.some(([start, end]) => start <= offset && offset < end)
}

function skipSpaces(text: string, index: number): number {
  while (index < text.length && /\s/u.test(text[index] ?? '')) index++
  return index
}

import { childrenOf, positionOf, typeOf, valueOf } from './nodes.js'

/**
 * The plain text of one paragraph or heading, with what the marker grammar needs to know
 * about the inline structure it came from. Emphasis markup is gone, link text and inline
 * code content stay, HTML and images are dropped.
 */
export interface PlainText {
  text: string
  /** Offsets `[start, end)` of inline code: a marker written in code is quoted, not meant. */
  code: Array<[number, number]>
  /** Offset where a leading emphasis or strong ends (`**TODO** fix`), else -1. */
  leadingEmphasisEnd: number
  /** Where each leaf started in the source, to find the line of text cut from a paragraph. */
  anchors: Anchor[]
  /** Issue references read from the inline nodes: `#123` in a text node, a link's URL; offsets in `text`. */
  references: PlainReference[]
}

/** An issue reference at `[start, end)` of the plain text: a number written `#123`, or a link's URL. */
export interface PlainReference {
  start: number
  end: number
  number: number | null
  url: string | null
}

/**
 * `#123` standing alone in one text node: not `owner/repo#123` (another repository's), not
 * `a#1` (a fragment), not `##1`. Linear: one character class, a bounded run of digits.
 */
const NUMBER_REFERENCE = /(?<![\w/#&])#(\d{1,9})(?!\w)/gu

interface Anchor {
  offset: number
  line: number
  column: number
}

/**
 * Stands for a strong or emphasis node whose whole text is a done word (`**DONE**`): the
 * emphasis is what makes it a mark rather than a word, and flattening would lose it.
 * A private-use character, so it never collides with minutes text.
 */
export const DONE_MARK = '\uE000'

/** Inline nesting deeper than this is not minutes; stop instead of exhausting the stack. */
const MAX_DEPTH = 200

/** Flattens a paragraph or heading. `isDoneWord` tells a `**DONE**` node from emphasis. */
export function plainTextOf(node: unknown, isDoneWord: (text: string) => boolean): PlainText {
  const result: PlainText = { text: '', code: [], leadingEmphasisEnd: -1, anchors: [], references: [] }
  // The block's own start anchors what follows it: remark-gfm's autolink literals carry no
  // position (`TODO:⏎[https://…` would otherwise sit on line 0).
  anchor(node, result)
  let atStart = true
  for (const child of childrenOf(node)) {
    const before = result.text.length
    appendInline(child, result, isDoneWord, 0)
    if (!atStart) continue
    const type = typeOf(child)
    if (type === 'emphasis' || type === 'strong') result.leadingEmphasisEnd = result.text.length
    // Only the child's own text is looked at: trimming the whole text each time is quadratic.
    if (/\S/.test(result.text.slice(before))) atStart = false
  }
  return result
}

function appendInline(node: unknown, out: PlainText, isDoneWord: (text: string) => boolean, depth: number): void {
  if (depth > MAX_DEPTH) return
  const type = typeOf(node)
  const value = valueOf(node)
  switch (type) {
    case 'text':
    case 'inlineCode': {
      if (value === null) return
      anchor(node, out)
      const start = out.text.length
      out.text += value
      if (type === 'inlineCode') out.code.push([start, out.text.length])
      else for (const match of value.matchAll(NUMBER_REFERENCE)) out.references.push({ start: start + match.index, end: start + match.index + match[0].length, number: Number(match[1]), url: null })
      return
    }
    case 'break':
      out.text += '\n'
      return
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return
    case 'emphasis':
    case 'strong':
      if (isDoneWord(flatText(node, depth))) {
        out.text += ` ${DONE_MARK} `
        return
      }
      break
  }
  const children = childrenOf(node)
  const linkStart = out.text.length
  for (const child of children) appendInline(child, out, isDoneWord, depth + 1)
  const url = type === 'link' ? (node as { url?: unknown }).url : undefined
  if (typeof url === 'string') {
    // A link's text (`[#12](…/other/repo/issues/12)`) says nothing of its own: the URL is the reference.
    while ((out.references.at(-1)?.start ?? -1) >= linkStart) out.references.pop()
    out.references.push({ start: linkStart, end: out.text.length, number: null, url })
  }
  // An unknown leaf with a value (math, a plugin's node) still reads as its text.
  if (value !== null && children.length === 0) out.text += value
}

function anchor(node: unknown, out: PlainText): void {
  const start = positionOf(node)?.start
  if (start) out.anchors.push({ offset: out.text.length, line: start.line, column: start.column })
}

/** The text of a node alone, for deciding whether an emphasis is a done mark. */
function flatText(node: unknown, depth: number): string {
  if (depth > MAX_DEPTH) return ''
  const value = valueOf(node)
  if (value !== null) return value
  return childrenOf(node)
    .map((child) => flatText(child, depth + 1))
    .join('')
}

/** Source line and column of an offset in the plain text; column 1 when only the line is known. */
export function sourcePointAt(plain: PlainText, offset: number): { line: number; column: number } | null {
  // Binary searches: a paragraph of thousands of items must not scan its anchors and text for each.
  const found = plain.anchors[lastAtOrBefore(plain.anchors.length, (index) => (plain.anchors[index]?.offset ?? 0) <= offset)]
  if (!found) return null
  const breaks = newlinesOf(plain)
  const newlines = lastAtOrBefore(breaks.length, (index) => (breaks[index] ?? 0) < offset) - lastAtOrBefore(breaks.length, (index) => (breaks[index] ?? 0) < found.offset)
  if (newlines === 0) return { line: found.line, column: found.column + (offset - found.offset) }
  return { line: found.line + newlines, column: 1 }
}

/** The last index in `[0, length)` for which `holds` (true up to some index, then false), or -1. */
function lastAtOrBefore(length: number, holds: (index: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (holds(middle)) low = middle + 1
    else high = middle
  }
  return low - 1
}

const newlineCache = new WeakMap<PlainText, number[]>()

/** Offsets of the line breaks of a plain text, found once. */
function newlinesOf(plain: PlainText): number[] {
  let offsets = newlineCache.get(plain)
  if (offsets) return offsets
  offsets = []
  for (let index = plain.text.indexOf('\n'); index !== -1; index = plain.text.indexOf('\n', index + 1)) offsets.push(index)
  newlineCache.set(plain, offsets)
  return offsets
}

/** One stretch of a paragraph that reads as a line of its own. */
export interface Segment {
  start: number
  end: number
}

/**
 * A bullet written at the start of a continuation line (`\n    * more`) does not start a
 * list in CommonMark when it cannot interrupt the paragraph, but the writer meant one: real
 * minutes hold paragraphs of a dozen such lines. Each becomes a segment of its own.
 */
const LAZY_BULLET = /\n[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/gu

/**
 * A continuation line opening with an arrow (`\n-> TODO: …`, `\n=> @alice will …`) states
 * an outcome of what is above it: a line of its own, not the sentence wrapping on. The arrow
 * stays in the segment (the marker reader skips it).
 */
const ARROW_LINE = /\n(?=[ \t]*(?:=>|-{1,2}>|→|⇒)[ \t]*\S)/gu

/** Splits a paragraph's text at lazy bullets and arrow lines; the first segment starts at 0. */
export function segmentsOf(text: string): Segment[] {
  // Every cut is at a line break: a paragraph of one line is one segment.
  if (!text.includes('\n')) return [{ start: 0, end: text.length }]
  const cuts = [
    ...[...text.matchAll(LAZY_BULLET)].map((match) => ({ end: match.index, start: match.index + match[0].length })),
    ...[...text.matchAll(ARROW_LINE)].map((match) => ({ end: match.index, start: match.index + 1 })),
  ].sort((a, b) => a.end - b.end)
  const segments: Segment[] = []
  let start = 0
  for (const cut of cuts) {
    if (cut.end < start) continue
    segments.push({ start, end: cut.end })
    start = cut.start
  }
  segments.push({ start, end: text.length })
  return segments
}

/** The references of a plain text within `[start, end)`, outside the ranges cut out of it; in order. */
export function referencesIn(plain: PlainText, start: number, end: number, cut: ReadonlyArray<{ start: number; end: number }> = []): Array<{ number: number | null; url: string | null }> {
  return plain.references
    .filter((reference) => reference.start >= start && reference.end <= end && !cut.some((range) => reference.start >= range.start && reference.end <= range.end))
    .map(({ number, url }) => ({ number, url }))
}

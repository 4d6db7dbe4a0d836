import type { ActionItemGrammar } from './grammar.js'

/** A grammar turned into the patterns the extractor runs over one line of plain text. */
export interface CompiledGrammar {
  /** Markers and labels at a given offset (sticky); group 1 is the phrase as written. */
  startPhrase: RegExp
  /** Inline markers anywhere (global); group 1 is the phrase as written. */
  inlineMarker: RegExp
  /** Inline markers at the start of a parenthesised group or after a comma in it. */
  groupMarker: RegExp
  /** A whole heading or line that labels a list: `Pending action items`, `TODOs:`. */
  labelLine: RegExp
  /** A line that is only a marker or label, with arrows and a colon: `TODO:`, `=> Action items`. */
  bareLabel: RegExp
  /** A label phrase anywhere (global): `Check AIs from last time`, `R4 to-dos`. */
  labelPhrase: RegExp
  /** An owned label closing a line with a colon: `R6 priorities and actions:`. */
  ownedLabel: RegExp
  /** A line or heading that is only an owned label, colon or not: `## Next steps`, `- Tasks`. */
  ownedLabelLine: RegExp
  /** A line or heading that is only a line label, colon or not: `Tasks:`, `## Actions`. */
  lineLabelLine: RegExp
  /** An ambiguous marker written as a word anywhere: `AI tools`, `Generative AI` (a topic, in a heading). */
  ambiguousWord: RegExp
  /**
   * A cheap pre-check: no match means no marker or label can be read anywhere in the text,
   * nor in any line cut from it once its done marks are blanked out (see `mayHoldMarkerSource`).
   * Linear: run on every paragraph and heading.
   */
  mayHoldMarker: RegExp
  /** Whether a phrase is a label or a line label (`Action items`, `Actions`). */
  isLabel(phrase: string): boolean
  isAmbiguous(phrase: string): boolean
  /** Whether a line opens (after arrows and bullets) with an ambiguous marker: `AI: …`. */
  opensWithAmbiguous(text: string): boolean
  /** `(done)`, `[done]` (global). */
  bracketedDone: RegExp
  /** `DONE`, written in capitals as a word of its own (global, case-sensitive). */
  shoutedDone: RegExp
  /** A done word closing the item after a dash, comma or arrow: `send mail - done` (case-insensitive). */
  trailingDone: RegExp
  /** A sub-bullet saying the item is done: `done`, `Done; see #12`, `completed, merged`. */
  doneSubBullet: RegExp
  /** A strong or emphasis node whose whole text is a done word. */
  doneWord: RegExp
  doneSymbols: string[]
  /** `by 2023-05-04`, `due: 2023-05-04` (global); groups 1-3 are year, month, day. */
  due: RegExp
  /** `to` / `will` between owners and the task (sticky). */
  ownerGlue: RegExp
  isPlaceholder(text: string): boolean
}

/** Letters, digits and apostrophes continue a word: `AIs`, `AI's`, `TODOs` are not `AI`, `TODO`. */
const WORD_END = String.raw`(?![\p{L}\p{N}_'’])`
const WORD_START = String.raw`(?<![\p{L}\p{N}_@/.#'’-])`

const cache = new WeakMap<ActionItemGrammar, CompiledGrammar>()

/** Compiles a grammar once; later calls with the same object reuse the patterns. */
export function compileGrammar(grammar: ActionItemGrammar): CompiledGrammar {
  const cached = cache.get(grammar)
  if (cached) return cached
  const compiled = compile(grammar)
  cache.set(grammar, compiled)
  return compiled
}

function compile(grammar: ActionItemGrammar): CompiledGrammar {
  // A line label is a label too (`Actions`), though it labels only as a line of its own.
  const labels = new Set([...grammar.labels, ...grammar.lineLabels].map(phraseKey))
  const ambiguous = new Set(grammar.ambiguousMarkers.map(phraseKey))
  const placeholders = new Set(grammar.placeholders.map((text) => text.trim().toLowerCase()))
  const startPhrases = alternation([...grammar.markers, ...grammar.labels])
  const inline = alternation(grammar.inlineMarkers)
  const done = alternation(grammar.doneWords)
  const shouted = grammar.doneWords.map((word) => escape(word.toUpperCase())).join('|') || NEVER
  const due = alternation(grammar.dueWords)
  const openingAmbiguous = new RegExp(`^[\\s>=→⇒•–—*_-]*(?:${alternation(grammar.ambiguousMarkers)})${WORD_END}`, 'iu')
  const glue = alternation(grammar.ownerGlue)
  return {
    startPhrase: new RegExp(`(${startPhrases})${WORD_END}`, 'iuy'),
    inlineMarker: new RegExp(`${WORD_START}(${inline})${WORD_END}`, 'giu'),
    groupMarker: new RegExp(`(?:^|[,;])\\s*(?:(?:=>|-{1,2}>|→|⇒)\\s*)?(${inline})${WORD_END}`, 'giu'),
    labelLine: new RegExp(`^(?:${startPhrases})${WORD_END}`, 'iu'),
    bareLabel: new RegExp(`^[\\s>=→⇒•–—*_-]*(?:${startPhrases})[\\s*_]*(?::[\\s*_]*)?$`, 'iu'),
    labelPhrase: new RegExp(`${WORD_START}(?:${alternation(grammar.labels)})${WORD_END}`, 'giu'),
    ownedLabel: new RegExp(`${WORD_START}(?:${alternation(grammar.ownedLabels)})[\\s*_]*:[\\s*_]*$`, 'iu'),
    // One run of spaces or emphasis, then a colon and another: never two runs that could split one (linear).
    ownedLabelLine: new RegExp(`^[\\s>=→⇒•–—*_-]*(?:${alternation(grammar.ownedLabels)})[\\s*_]*(?::[\\s*_]*)?$`, 'iu'),
    lineLabelLine: new RegExp(`^[\\s>=→⇒•–—*_-]*(?:${alternation(grammar.lineLabels)})[\\s*_]*(?::[\\s*_]*)?$`, 'iu'),
    ambiguousWord: new RegExp(`${WORD_START}(?:${alternation(grammar.ambiguousMarkers)})${WORD_END}`, 'iu'),
    mayHoldMarker: new RegExp(mayHoldMarkerSource(grammar), 'iu'),
    isLabel: (phrase) => labels.has(phraseKey(phrase)),
    isAmbiguous: (phrase) => ambiguous.has(phraseKey(phrase)),
    opensWithAmbiguous: (text) => openingAmbiguous.test(text),
    bracketedDone: new RegExp(`[([]\\s*(?:${done})\\s*[)\\]]`, 'giu'),
    shoutedDone: new RegExp(`${WORD_START}(?:${shouted})(?![\\p{L}\\p{N}_])`, 'gu'),
    trailingDone: new RegExp(`(?:\\s[-–—]+|,|\\s(?:=>|-{1,2}>|→))\\s*(?:${done})[.!]?\\s*$`, 'iu'),
    doneSubBullet: new RegExp(`^(?:${done})(?:$|\\s*[;:,.!)—–-]|\\s+(?:see|in|via|with|https?:))`, 'iu'),
    doneWord: new RegExp(`^\\s*(?:${done})\\s*[.!:]?\\s*$`, 'iu'),
    doneSymbols: grammar.doneSymbols.filter((symbol) => symbol !== ''),
    due: new RegExp(`${WORD_START}(?:${due})\\s*:?\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\p{N}])`, 'giu'),
    ownerGlue: new RegExp(`(?:${glue})\\s+`, 'iuy'),
    // Placeholders are short; the length check also spares `/[.!:]+$/` a long run of dots.
    isPlaceholder: (text) => text.length <= MAX_PLACEHOLDER && placeholders.has(placeholderKey(text)),
  }
}

/**
 * Any marker or label phrase, looser than every pattern that reads one (`startPhrase`,
 * `inlineMarker`, `groupMarker`, `labelPhrase`), so that a paragraph it does not match can be
 * skipped unread. Those patterns run on lines whose done marks were blanked to spaces, and a
 * blanked mark may have stood between two words of a phrase (`To DONE do` → `To      do`):
 * the gap between words here also takes what blanking removes (any non-letter, a done word).
 * Kept unambiguous, so linear: done words of ASCII letters, none a prefix of another (the
 * defaults). Any other grammar, or a done symbol holding a letter (blanked just before a
 * phrase, it could hide the phrase's start), gets no pre-check: a pattern matching anything.
 */
function mayHoldMarkerSource(grammar: ActionItemGrammar): string {
  const words = [...new Set(grammar.doneWords.map((word) => word.trim().toLowerCase()).filter((word) => word !== ''))]
  const simpleWords = words.every((word) => /^[a-z]+$/u.test(word) && !words.some((other) => other !== word && other.startsWith(word)))
  const letterSymbol = grammar.doneSymbols.some((symbol) => /[\p{L}\p{N}_]/u.test(symbol))
  if (!simpleWords || letterSymbol) return ''
  const gap = `(?:${[String.raw`[^\p{L}\p{N}]`, ...words].join('|')})*`
  const phrases = [...new Set([...grammar.markers, ...grammar.inlineMarkers, ...grammar.labels].map((phrase) => phrase.trim()).filter((phrase) => phrase !== ''))]
  if (phrases.length === 0) return NEVER
  const sources = phrases.map((phrase) => phrase.split(/\s+/u).map((word) => escape(word).replace(/['’]/gu, "['’]")).join(gap))
  return String.raw`(?<![\p{L}\p{N}_])(?:${sources.join('|')})`
}

/**
 * A placeholder as looked up: case, closing punctuation and enclosing brackets ignored, so
 * `(none)`, `[None.]` and `none` are one. Called on short texts only (see `MAX_PLACEHOLDER`).
 */
function placeholderKey(text: string): string {
  const trimmed = text.trim().replace(/[.!:]+$/u, '').trim()
  const bare = /^[([]([^()[\]]*)[)\]]$/u.exec(trimmed)?.[1] ?? trimmed
  return bare.trim().replace(/[.!:]+$/u, '').trim().toLowerCase()
}

/** No placeholder is longer than this (`None present yet`). */
const MAX_PLACEHOLDER = 60

/** A pattern that matches nothing, for an empty list of phrases. */
const NEVER = '(?!)'

/** One alternation of phrases, longest first so `Action items` wins over `Action item`. */
function alternation(phrases: string[]): string {
  const sources = phrases
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '')
    .sort((a, b) => b.length - a.length)
    .map(phraseSource)
  return sources.length > 0 ? sources.join('|') : NEVER
}

/** `To do` → a pattern for `To do`, `ToDo`, `TODO`, `To-Do`: spaces between words optional. */
function phraseSource(phrase: string): string {
  return phrase.split(/\s+/u).map((word) => escape(word).replace(/['’]/gu, "['’]")).join(String.raw`[\s_-]*`)
}

/** The phrase as a lookup key: case and inner spacing ignored. */
export function phraseKey(phrase: string): string {
  return phrase.toLowerCase().replace(/[\s_-]+/gu, '').replace(/’/gu, "'")
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')
}

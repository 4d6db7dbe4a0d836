import { compileGrammar, phraseKey } from '../action-items/compile-grammar.js'
import { extendGrammar } from '../action-items/index.js'
import type { FileFacts } from './file-facts.js'
import { Counter, undecorated } from './infer-series.js'

/** A phrase the repository uses for action items that the built-in grammar does not know, and what shows it. */
export interface InferredPhrase {
  phrase: string
  /** Lines (markers) or list items (labels) that name a person and a task after it. */
  uses: number
  files: number
}

/** A name written without a handle somewhere, and the handle written beside it elsewhere. */
export interface InferredPerson {
  name: string
  handle: string
  /** Where name and handle stand together (`Dave Lee (@dlee)`), and where the name stands alone. */
  paired: number
  alone: number
}

/** What `init` adds to the action-item grammar, and the names it maps to handles. */
export interface ActionItemInference {
  markers: InferredPhrase[]
  labels: InferredPhrase[]
  people: InferredPerson[]
}

/** A phrase counts when this many lines (or list items) use it, in at least two files. */
export const MIN_PHRASE_USES = 3
const MIN_PHRASE_FILES = 2

/** Owners and the first word of the task fit in this many characters of a line. */
const MAX_OWNERS_TEXT = 200

/** A handle, or a name written as people write names (`Dave`, `Dave Lee`; not `API`, `GitHub`). */
const HANDLE = String.raw`@[A-Za-z0-9][A-Za-z0-9-]{0,38}`
const NAME = String.raw`\p{Lu}\p{Ll}[\p{Ll}'’-]*(?: \p{Lu}\p{Ll}[\p{Ll}'’-]*)?`
const PERSON = String.raw`(?:${HANDLE}|${NAME})`
/** Owners, then `to`/`will` and the task: `Bob to book the room`, `@ana and Ben will write it`. */
const OWNERS_GLUE_TASK = new RegExp(String.raw`^${PERSON}(?:\s*(?:,|and|&)\s*${PERSON})*\s+(?:to|will)\s+\p{Ll}`, 'u')
/** Owners, then a colon and the task: `@ana: write the runbook`, `Dave: send the budget`. */
const OWNERS_COLON_TASK = new RegExp(String.raw`^(${PERSON}(?:\s*(?:,|and|&)\s*${PERSON})*)\s*:\s*\S`, 'u')
/** `ACTION: Bob to book the room`: a word in capitals, a colon, then a person and the task. */
const MARKER_LINE = /^([A-Z][A-Z-]{1,19})\s*:\s*(.+)$/u
/** An attendee line: `Dave Lee (@dlee)`, `Dave (@dlee),`. */
const NAME_WITH_HANDLE = new RegExp(String.raw`^(${NAME})\s*\((${HANDLE})\)[\s,;.]*$`, 'u')
/** Words one of which a heading over action items holds: `Actions`, `Tasks`, `Follow-ups`, `Next steps`. */
const ACTION_WORDS = /\b(?:actions?|tasks?|to-?dos?|follow[- ]?ups?|homework|next steps?|assignments?|ais?)\b/iu

/**
 * Reads the action-item habits of a repository's minutes: markers that open lines
 * (`ACTION: Bob to book the room`), headings whose lists name people and tasks (`## Actions`),
 * each counted and kept only where the built-in grammar misses them, and names written
 * alone in some files that others write beside a handle (`Dave` / `Dave Lee (@dlee)`).
 */
export function inferActionItems(files: FileFacts[]): ActionItemInference {
  const builtIn = extendGrammar()
  const grammar = compileGrammar(builtIn)
  const known = new Set([...builtIn.markers, ...builtIn.inlineMarkers].map(phraseKey))
  const people = peopleOf(files)
  const names = new Set(people.names)
  // `Minutes: Jonas` is a label and a value: a colon makes an owner only of a handle or a known name.
  const namesSomeone = (text: string) => {
    // Owners stand at the start: a long line is read only that far.
    text = text.slice(0, MAX_OWNERS_TEXT)
    if (OWNERS_GLUE_TASK.test(text)) return true
    const owners = OWNERS_COLON_TASK.exec(text)?.[1]
    return owners !== undefined && owners.split(/\s*(?:,|\band\b|&)\s*/u).every((owner) => owner.startsWith('@') || names.has(owner.toLowerCase()))
  }
  const markers = new PhraseCounter()
  const labels = new PhraseCounter()
  for (const file of files) {
    for (const line of file.lines) {
      const match = MARKER_LINE.exec(line.slice(0, MAX_OWNERS_TEXT))
      if (!match || known.has(phraseKey(match[1] as string))) continue
      // Every line it opens is counted; those naming a person and a task must be most of them.
      markers.add(match[1] as string, file.path, namesSomeone(match[2] as string))
    }
    for (const list of file.headedLists) {
      const phrase = undecorated(list.heading)
      if (!ACTION_WORDS.test(phrase) || grammar.isLabel(phrase) || grammar.labelLine.test(phrase)) continue
      for (const item of list.items) labels.add(phrase, file.path, namesSomeone(item))
    }
  }
  return { markers: markers.kept(), labels: labels.kept(), people: people.mapped }
}

/** Counts the lines (items) a phrase opens (heads), and those of them that name a person and a task. */
class PhraseCounter {
  private readonly seen = new Counter<string>()
  private readonly uses = new Counter<string>()
  private readonly files = new Map<string, Set<string>>()
  private readonly spellings = new Map<string, Counter<string>>()

  add(phrase: string, path: string, namesSomeone: boolean): void {
    const key = phraseKey(phrase)
    this.seen.add(key)
    if (!namesSomeone) return
    this.uses.add(key)
    this.files.set(key, (this.files.get(key) ?? new Set<string>()).add(path))
    const spellings = this.spellings.get(key) ?? new Counter<string>()
    spellings.add(phrase)
    this.spellings.set(key, spellings)
  }

  kept(): InferredPhrase[] {
    return this.uses
      .ranked()
      .map((key) => ({
        phrase: (this.spellings.get(key)?.top() as [string, number])[0],
        uses: this.uses.count(key),
        files: this.files.get(key)?.size ?? 0,
      }))
      .filter((found) => found.uses >= MIN_PHRASE_USES && found.files >= MIN_PHRASE_FILES && found.uses * 2 > this.seen.count(phraseKey(found.phrase)))
  }
}

/**
 * Names to map to handles: a full name or first name written beside one handle only
 * (`Dave Lee (@dlee)`), that some file writes alone, without the handle anywhere in that file
 * (where the file itself pairs them, the extractor already knows).
 */
function peopleOf(files: FileFacts[]): { mapped: InferredPerson[]; names: string[] } {
  const handles = new Map<string, Set<string>>()
  const paired = new Counter<string>()
  const spelled = new Map<string, string>()
  const pairsIn = new Map<string, Set<string>>()
  for (const file of files) {
    const here = new Set<string>()
    for (const line of file.lines) {
      const match = line.length <= MAX_OWNERS_TEXT ? NAME_WITH_HANDLE.exec(line) : null
      if (match) {
        const full = match[1] as string
        const handle = (match[2] as string).slice(1).toLowerCase()
        for (const name of new Set([full, full.split(' ')[0] as string])) {
          const key = name.toLowerCase()
          handles.set(key, (handles.get(key) ?? new Set<string>()).add(handle))
          if (!spelled.has(key)) spelled.set(key, name)
          if (!here.has(key)) paired.add(key)
          here.add(key)
        }
      }
    }
    pairsIn.set(file.path, here)
  }
  const people: InferredPerson[] = []
  for (const [key, found] of handles) {
    if (found.size !== 1) continue // two people share the name: no telling whom it means
    const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}@])${escape(spelled.get(key) as string)}(?![\p{L}\p{N}])`, 'iu')
    const alone = files.filter((file) => !pairsIn.get(file.path)?.has(key) && file.lines.some((line) => pattern.test(line))).length
    if (alone === 0) continue
    people.push({ name: spelled.get(key) as string, handle: [...found][0] as string, paired: paired.count(key), alone })
  }
  return { mapped: people.sort((a, b) => a.name.localeCompare(b.name)), names: [...handles.keys()] }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}

/**
 * The words that make a line of minutes an action item. Data, not code: the defaults below
 * are the spellings seen in the real minutes, and a configuration can add its own.
 *
 * Every phrase is matched ignoring case and the spaces or hyphens between its words, so
 * `To do` also matches `ToDo`, `TODO`, `To-Do` and `to do`.
 */
export interface ActionItemGrammar {
  /** Markers that open an item at the start of a list item or line: `AI @alice: text`. */
  markers: string[]
  /**
   * Markers also recognised in the middle of a line, when an owner or a colon follows them:
   * `..., Action Item @jschoone, ...`, `-> AI: ...`, `(AI @garloff, w/ @berendt)`.
   * A subset of `markers`; "To do" is left out because "what to do: ..." is prose.
   */
  inlineMarkers: string[]
  /**
   * Markers that are also ordinary words ("AI" = artificial intelligence): they count only
   * when an owner, a colon or an owner in parentheses follows them, never bare.
   */
  ambiguousMarkers: string[]
  /**
   * Phrases that label a list of items with no marker of their own: a heading
   * (`### Pending action items`), a line (`Open Actions:`) or a list item whose sub-items
   * are the action items. A marker alone (`AI:`, `=> TODO:`) labels a list the same way.
   */
  labels: string[]
  /**
   * Phrases that end a line labelling a list only when most of the list's items name owners:
   * `R6 priorities and actions:` over `- create the testbed (@alice)`, `## Next steps` over
   * `- Anna: book the room`. Alone they are too common a word (`VM behaviour in case of host
   * actions:`, a "Next steps" list of plans nobody took on).
   */
  ownedLabels: string[]
  /**
   * Phrases that label their list as a line, list item or heading of their own (`Tasks:`,
   * `- Actions`, `## Actions`): every item of it is an item, whoever it names. Closing a longer
   * line (`R6 priorities and actions:`) they are owned labels, when they are ones.
   */
  lineLabels: string[]
  /** Words that say an item is done: `**DONE**`, `(done)`, a sub-bullet `done; see #12`. */
  doneWords: string[]
  /** Symbols that mark an item done anywhere in its text. */
  doneSymbols: string[]
  /** Words before a `YYYY-MM-DD` date that make it the due date: `by 2023-05-04`, `due: ...`. */
  dueWords: string[]
  /** Words between owners and the task that are glue, not task: `@alice to do X` → `do X`. */
  ownerGlue: string[]
  /** Texts of labelled list items that are placeholders, not items: `- None`. */
  placeholders: string[]
}

/** The spellings of the real minutes (see the fixtures README). */
export const DEFAULT_ACTION_ITEM_GRAMMAR: Readonly<ActionItemGrammar> = Object.freeze({
  markers: ['AI', 'Action item', 'Action point', 'To do'],
  inlineMarkers: ['AI', 'Action item', 'Action point', 'TODO'],
  ambiguousMarkers: ['AI'],
  labels: [
    'Action items',
    'Action points',
    'Pending action items',
    'Open action items',
    'Open actions',
    'Pending actions',
    'AIs',
    "AI's",
    'To dos',
    "To do's",
    'Homework',
    'Follow ups',
    'Follow up items',
  ],
  ownedLabels: ['Actions', 'Tasks', 'Next steps'],
  lineLabels: ['Actions', 'Tasks'],
  doneWords: ['done', 'completed'],
  doneSymbols: ['✅', '✔️', '✔', '☑️', '☑'],
  dueWords: ['by', 'due', 'until', 'before'],
  ownerGlue: ['to', 'will'],
  placeholders: ['none', 'none yet', 'none so far', 'nothing', 'nothing yet', 'nothing new', 'n/a', 'na', 'tbd', 'tba', '-', '--', '—', '–', '...', '…', 'no action items', 'no actions', 'no open actions', 'no new action items'],
})

/** The grammar with `options` replacing the defaults field by field. */
export function resolveGrammar(options: Partial<ActionItemGrammar> = {}): ActionItemGrammar {
  const defaults = DEFAULT_ACTION_ITEM_GRAMMAR
  return {
    markers: pick(options.markers, defaults.markers),
    inlineMarkers: pick(options.inlineMarkers, defaults.inlineMarkers),
    ambiguousMarkers: pick(options.ambiguousMarkers, defaults.ambiguousMarkers),
    labels: pick(options.labels, defaults.labels),
    ownedLabels: pick(options.ownedLabels, defaults.ownedLabels),
    lineLabels: pick(options.lineLabels, defaults.lineLabels),
    doneWords: pick(options.doneWords, defaults.doneWords),
    doneSymbols: pick(options.doneSymbols, defaults.doneSymbols),
    dueWords: pick(options.dueWords, defaults.dueWords),
    ownerGlue: pick(options.ownerGlue, defaults.ownerGlue),
    placeholders: pick(options.placeholders, defaults.placeholders),
  }
}

/**
 * The default grammar with `extra` phrases added to each field, for a configuration that
 * adds its own markers or labels (`{markers: ['Aufgabe']}`) without restating the defaults.
 */
export function extendGrammar(extra: Partial<ActionItemGrammar> = {}): ActionItemGrammar {
  const defaults = resolveGrammar()
  const merged = { ...defaults }
  for (const key of Object.keys(defaults) as Array<keyof ActionItemGrammar>) {
    merged[key] = [...new Set([...defaults[key], ...strings(extra[key])])]
  }
  return merged
}

/** Keeps only the strings of a configured list, so a bad configuration cannot break matching. */
function pick(value: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(value) ? strings(value) : [...fallback]
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '') : []
}

import type { ActionItem } from './types.js'
import type { CompiledGrammar } from './compile-grammar.js'
import { blankDoneMarks, saysDone } from './done.js'
import { findDueDate } from './due.js'
import { childrenOf, positionOf, typeOf } from './nodes.js'
import { parseOwnerList, unique } from './owners.js'
import type { People } from './people.js'
import { plainTextOf } from './plain-text.js'
import { tidyText } from './text.js'

/** One row of an action table, read: what `extract.ts` turns into an item. */
export type TableRow = Pick<ActionItem, 'line' | 'column' | 'endLine' | 'endColumn' | 'owners' | 'text' | 'done' | 'due'>

/** A header cell naming the task column: `Action`, `Action item`, `Task`, `What`, `TODO`. */
const TASK_HEADER = /^(?:action(?:\s*items?|\s*points?)?|actions|ais?|tasks?|to\s*-?\s*dos?|what|items?|description)$/iu
/** A header cell naming the owners: `Owner`, `Who`, `Assignee`, `Responsible`. */
const OWNER_HEADER = /^(?:owners?|who|assignees?|assigned\s+to|responsible|by\s+whom|persons?)$/iu
/** A header cell naming the state: `Status`, `Done`, `State`. */
const STATUS_HEADER = /^(?:status|state|done|progress)$/iu
/** Header cells are short; longer text is a sentence, not a column name. */
const MAX_HEADER = 30

/**
 * The items of a table whose header names a task column and an owner column
 * (`| Action | Owner | Status |`), one per row; none when fewer than half the rows name
 * someone in the owner column (`| Action | Responsible | … |` over `CSP`, `Customer` is a
 * description of roles, not a list of tasks). Pure; the rows are cells of text.
 */
export function tableRows(table: unknown, grammar: CompiledGrammar, people: People): TableRow[] {
  const [header, ...rows] = childrenOf(table).filter((row) => typeOf(row) === 'tableRow')
  if (header === undefined || rows.length === 0) return []
  const names = childrenOf(header).map((cell) => headerName(cell))
  const owner = names.findIndex((name) => OWNER_HEADER.test(name))
  if (owner < 0) return []
  const status = names.findIndex((name) => STATUS_HEADER.test(name))
  const namedTask = names.findIndex((name) => TASK_HEADER.test(name))
  const task = namedTask >= 0 ? namedTask : names.findIndex((_, index) => index !== owner && index !== status)
  if (task < 0) return []
  const read = rows.map((row) => readRow(row, { task, owner, status }, grammar, people)).filter((row): row is TableRow => row !== null)
  const named = read.filter((row) => row.owners.length > 0).length
  return named * 2 >= read.length ? read : []
}

function headerName(cell: unknown): string {
  const text = tidyText(plainTextOf(cell, () => false).text)
  return text.length > MAX_HEADER ? '' : text.replace(/[\s:*_()]+$/u, '').trim()
}

function readRow(row: unknown, columns: { task: number; owner: number; status: number }, grammar: CompiledGrammar, people: People): TableRow | null {
  const cells = childrenOf(row)
  const cellText = (index: number): string => (index < 0 ? '' : plainTextOf(cells[index], (word) => grammar.doneWord.test(word)).text)
  const marks = blankDoneMarks(cellText(columns.task), grammar)
  const text = tidyText(marks.text)
  if (text === '' || grammar.isPlaceholder(text)) return null
  const status = cellText(columns.status)
  const position = positionOf(row)
  return {
    line: position?.start.line ?? 0,
    column: position?.start.column ?? 0,
    endLine: position?.end.line ?? 0,
    endColumn: position?.end.column ?? 0,
    owners: ownersOfCell(cellText(columns.owner), people),
    text,
    done: marks.done || (status !== '' && (saysDone(status, grammar) || blankDoneMarks(status, grammar).done)),
    due: findDueDate(text, grammar),
  }
}

/** The most names read from one owner cell, and its longest text; a longer cell is prose. */
const MAX_NAMES = 10
const MAX_OWNER_CELL = 300

/** `@anna, @ben`, or names the meeting knows (`Anna, Ben Olsen`); unknown names are no owners. */
function ownersOfCell(text: string, people: People): string[] {
  const cell = text.trim()
  const handles = parseOwnerList(cell, 0)
  if (handles) return handles.owners
  // Bounded, so splitting on spaced separators stays cheap on a hostile cell.
  if (cell.length > MAX_OWNER_CELL) return []
  const names = cell.split(/\s*(?:[,;&/+]|\band\b)\s*/u, MAX_NAMES + 1)
  if (names.length > MAX_NAMES) return []
  return unique(names.map((name) => people.login(name.replace(/^@/u, ''))).filter((login): login is string => login !== null))
}

import type { CompiledGrammar } from './compile-grammar.js'

/**
 * The due date written in an item, `YYYY-MM-DD`, from `by 2023-05-04`, `due: 2023-05-04` or
 * `due 2023-5-4`; null when none is given or the date does not exist (`2023-02-30`).
 * The phrase stays in the item's text: it is part of what was agreed.
 */
export function findDueDate(text: string, grammar: CompiledGrammar): string | null {
  for (const match of text.matchAll(grammar.due)) {
    const [year, month, day] = [match[1], match[2], match[3]].map(Number)
    if (year === undefined || month === undefined || day === undefined) continue
    const date = new Date(Date.UTC(year, month - 1, day))
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return date.toISOString().slice(0, 10)
    }
  }
  return null
}

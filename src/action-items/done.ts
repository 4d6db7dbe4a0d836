import type { CompiledGrammar } from './compile-grammar.js'
import { DONE_MARK } from './plain-text.js'

/**
 * Finds the done marks written in an item's own text (`✅`, `**DONE**`, `(done)`, a
 * capitalised `DONE`, `- done` closing it) and blanks them out: a mark added in a later meeting must not change
 * what the item says. Each mark becomes as many spaces as it had characters, so offsets
 * into the text (inline code ranges) stay valid.
 */
export function blankDoneMarks(text: string, grammar: CompiledGrammar): { text: string; done: boolean } {
  let done = false
  let rest = text
  for (const symbol of [DONE_MARK, ...grammar.doneSymbols]) {
    if (rest.includes(symbol)) {
      done = true
      rest = rest.split(symbol).join(' '.repeat(symbol.length))
    }
  }
  for (const pattern of [grammar.bracketedDone, grammar.shoutedDone, grammar.trailingDone]) {
    const without = rest.replace(pattern, (mark) => ' '.repeat(mark.length))
    if (without !== rest) {
      done = true
      rest = without
    }
  }
  return { text: rest, done }
}

/** Whether a sub-bullet's text reports the item done: `done`, `Done; see #12`, `✅ merged`. */
export function saysDone(subBulletText: string, grammar: CompiledGrammar): boolean {
  const text = subBulletText.trim()
  // Only a mark that opens the sub-bullet reports on the item; "... -> done" further in is about the sub-bullet's own task.
  return grammar.doneSubBullet.test(text) || [DONE_MARK, ...grammar.doneSymbols].some((symbol) => text.startsWith(symbol))
}

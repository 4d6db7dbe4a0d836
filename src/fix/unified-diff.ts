/**
 * A unified diff of two versions of a file whose edits keep its line count (what `--fix`
 * makes: replacements within lines), with three lines of context, as `git diff` shows it.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  const old = linesOf(before)
  const now = linesOf(after)
  if (old.length !== now.length) throw new Error('unifiedDiff: the fixes changed the number of lines')
  const changed = old.flatMap((line, index) => (line === now[index] ? [] : [index]))
  if (changed.length === 0) return ''
  const context = 3
  // Changed lines closer than twice the context share a hunk.
  const hunks: Array<[first: number, last: number]> = []
  for (const index of changed) {
    const last = hunks.at(-1)
    if (last && index - last[1] <= 2 * context) last[1] = index
    else hunks.push([index, index])
  }
  const lines = [`--- a/${path}`, `+++ b/${path}`]
  for (const [first, last] of hunks) {
    const from = Math.max(0, first - context)
    const to = Math.min(old.length - 1, last + context)
    const count = to - from + 1
    lines.push(`@@ -${from + 1},${count} +${from + 1},${count} @@`)
    for (let index = from; index <= to; index++) {
      if (old[index] === now[index]) lines.push(` ${old[index]}`)
      else lines.push(`-${old[index]}`, `+${now[index]}`)
    }
  }
  return `${lines.join('\n')}\n`
}

/** The lines of a text; a final line break ends the last line, it does not start another. */
function linesOf(text: string): string[] {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

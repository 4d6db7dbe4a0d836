import { compileDatePattern } from '../repo/date-patterns.js'

/**
 * The path of the meeting on `date`, written as `example` is (`community-call/20261119.md`
 * → `community-call/20261126.md`, `minutes/2026/05-06.md` → `minutes/2026/05-13.md`): the
 * digits the pattern's tokens stand on are replaced, the rest is kept.
 */
export function pathOnDate(example: string, pattern: string, date: string): string {
  const { regex } = compileDatePattern(pattern)
  const match = new RegExp(regex.source, 'd').exec(example)
  const indices = match?.indices?.groups
  if (!indices) throw new Error(`${example} does not match the date pattern ${pattern}`)
  const [year, month, day] = date.split('-') as [string, string, string]
  const parts = [
    { at: indices.year, value: year },
    { at: indices.month, value: month },
    { at: indices.day, value: day },
  ].sort((a, b) => (a.at?.[0] ?? 0) - (b.at?.[0] ?? 0))
  let result = ''
  let from = 0
  for (const { at, value } of parts) {
    if (!at) continue
    result += example.slice(from, at[0]) + value
    from = at[1]
  }
  return result + example.slice(from)
}

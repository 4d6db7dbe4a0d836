/**
 * The one allowed word a misspelt one most likely meant (`eror` → `error`, `Error` → `error`,
 * `pahts` → `paths`), or undefined when none is close or two are equally close. Close means a
 * case difference, or at most 1 edit (2 for words of 6 letters or more): `on` is not taken for
 * `off`. An edit is an insertion, deletion, substitution or swap of two neighbours.
 */
export function didYouMean(found: string, allowed: readonly string[]): string | undefined {
  const written = found.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  let tied = false
  for (const candidate of allowed) {
    const distance = editDistance(written, candidate.toLowerCase())
    if (distance > (candidate.length >= 6 ? 2 : 1)) continue
    if (distance < bestDistance) [best, bestDistance, tied] = [candidate, distance, false]
    else if (distance === bestDistance) tied = true
  }
  return tied || best === found ? undefined : best
}

/**
 * Optimal string alignment distance (Levenshtein plus swaps of neighbours). Inputs longer than
 * 100 characters are not compared (a configuration key or level is short; this keeps it cheap).
 */
export function editDistance(a: string, b: string): number {
  if (a.length > 100 || b.length > 100) return Infinity
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (before[j - 2] ?? 0) + 1)
      current.push(distance)
    }
    ;[before, previous] = [previous, current]
  }
  return previous[b.length] ?? 0
}

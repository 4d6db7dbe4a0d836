import { dateOfFileName, daysBetween, describeDayDistance } from '../repo/dates.js'
import { datedPath, splitPath, type RepoIndex } from '../repo/repo-index.js'

/** Why a link target is missing, in words, and the fix when one is clear. */
export interface MissingTarget {
  message: string
  suggestion: string | null
}

/**
 * Whether the link's target is in the repository, as a file or a folder: GitHub redirects
 * `blob/` links to folders and `tree/` links to files, so either view of a path resolves.
 */
export function targetExists(path: string, index: RepoIndex): boolean {
  return index.files.has(path) || index.folders.has(path)
}

/**
 * Describes a missing link target the way a minutes maintainer thinks: a dated file a few
 * days off is a typo to fix (`iaas/20220927.md` → `iaas/20220928.md`); a week off is a
 * missing file, and the nearest one is only named as context.
 */
export function describeMissingTarget(path: string, index: RepoIndex, suggestWithinDays: number): MissingTarget {
  const missing = `Cannot find \`${path}\``
  const [folder, name] = splitPath(path)

  const withExtension = `${path}.md`
  if (index.files.has(withExtension)) return suggest(missing, withExtension, '')

  const byCase = index.byLowerCase.get(path.toLowerCase())
  if (byCase) return suggest(missing, byCase, '')

  const date = dateOfFileName(name)
  if (date) return describeMissingDatedFile(missing, folder, date, index, suggestWithinDays)

  if (folder && !index.folders.has(folder)) return { message: `${missing}: there is no folder \`${folder}/\`.`, suggestion: null }
  return { message: `${missing}.`, suggestion: null }
}

function describeMissingDatedFile(
  missing: string,
  folder: string,
  date: string,
  index: RepoIndex,
  suggestWithinDays: number,
): MissingTarget {
  const dates = index.datedFiles.get(folder) ?? []
  const nearest = nearestDate(dates, date)
  if (nearest === null) {
    const why = index.folders.has(folder) ? `there are no dated minutes in \`${folder}/\`` : `there is no folder \`${folder}/\``
    return { message: `${missing}: ${why}.`, suggestion: null }
  }
  const distance = daysBetween(date, nearest)
  const candidate = datedPath(folder, nearest)
  if (Math.abs(distance) <= suggestWithinDays) return suggest(missing, candidate, ` (${describeDayDistance(distance)})`)
  return {
    message: `${missing}; the nearest minutes in \`${folder}/\` are \`${candidate}\` (${describeDayDistance(distance)}).`,
    suggestion: null,
  }
}

function suggest(missing: string, candidate: string, note: string): MissingTarget {
  return { message: `${missing}; did you mean \`${candidate}\`${note}?`, suggestion: candidate }
}

/** The date in a sorted list closest to `date`; on a tie, the later one. */
export function nearestDate(sortedDates: readonly string[], date: string): string | null {
  let best: string | null = null
  let bestDistance = Infinity
  for (const candidate of sortedDates) {
    const distance = Math.abs(daysBetween(date, candidate))
    if (distance <= bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

import { posix } from 'node:path'
import { md, type Message } from '../markup/message.js'
import { daysBetween, describeDayDistance } from '../repo/dates.js'
import { type DatedFile, splitPath, type RepoIndex } from '../repo/repo-index.js'

/** Why a link target is missing, in words, and the fix when one is clear. */
export interface MissingTarget {
  /** Built with `md`: the paths are code in the comment, escaped where they come from the minutes. */
  message: Message
  suggestion: string | null
}

/** A dated file this many days off a missing link target is suggested as the fix (`link-target-exists` option `suggestWithinDays`). */
export const DEFAULT_SUGGEST_WITHIN_DAYS = 3

/** How the missing link was written, so a suggestion can be written the same way. */
export interface MissingLinkOptions {
  /** A dated file this many days off or closer is suggested as the fix. */
  suggestWithinDays: number
  /** The file the link is in, and whether the link is relative to it (`../Charter.md`). */
  fromPath?: string
  relative?: boolean
}

/**
 * Whether the link's target is in the repository, as a file or a folder: GitHub redirects
 * `blob/` links to folders and `tree/` links to files, so either view of a path resolves.
 */
export function targetExists(path: string, index: RepoIndex): boolean {
  return index.files.has(path) || index.folders.has(path)
}

/**
 * Describes a missing link target the way a minutes maintainer thinks: a missing `.md`, a
 * wrong letter case; a dated file a few days off is a typo to fix (`iaas/20220927.md` →
 * `iaas/20220928.md`), a week off is a missing file and the nearest one is only named as
 * context; a file of the same name elsewhere (`Charter.md` at the root) is suggested.
 */
export function describeMissingTarget(path: string, index: RepoIndex, options: MissingLinkOptions): MissingTarget {
  const missing = md`Cannot find \`${path}\``
  const [folder, name] = splitPath(path)

  const withExtension = `${path}.md`
  if (index.files.has(withExtension)) return suggest(missing, withExtension, '')

  const byCase = index.byLowerCase.get(path.toLowerCase()) ?? index.byLowerCase.get(withExtension.toLowerCase())
  if (byCase) return suggest(missing, byCase, '')

  const dated = index.dateOf(path)
  if (dated) return describeMissingDatedFile(missing, path, dated.series, dated.date, dated.pattern, index, options)

  const elsewhere = sameNameElsewhere(name, index)
  if (elsewhere.length === 1 && elsewhere[0]) return suggestElsewhere(missing, elsewhere[0], options)
  if (elsewhere.length > 1) {
    const listed = elsewhere.slice(0, 3).map((candidate) => md`\`${candidate}\``).reduce((list, next) => md`${list}, ${next}`)
    return { message: md`${missing}; files of that name: ${listed}${elsewhere.length > 3 ? ', …' : ''}.`, suggestion: null }
  }

  if (folder && !index.folders.has(folder)) return { message: md`${missing}: there is no folder \`${folder}/\`.`, suggestion: null }
  return { message: md`${missing}.`, suggestion: null }
}

/** Files named like `name` (any letter case, with or without `.md`) anywhere in the repository. */
function sameNameElsewhere(name: string, index: RepoIndex): string[] {
  const lower = name.toLowerCase()
  const candidates = [...(index.byName.get(lower) ?? []), ...(lower.endsWith('.md') ? [] : (index.byName.get(`${lower}.md`) ?? []))]
  return [...new Set(candidates)].sort()
}

function describeMissingDatedFile(
  missing: Message,
  path: string,
  series: string,
  date: string,
  pattern: number,
  index: RepoIndex,
  options: MissingLinkOptions,
): MissingTarget {
  const nearest = nearestDatedFile(index.datedFiles.get(series) ?? [], date, pattern)
  const where = series === '' ? 'the root' : md`\`${series}/\``
  if (nearest === null) {
    const why = index.folders.has(series) ? md`there are no dated minutes in ${where}` : md`there is no folder \`${series}/\``
    return { message: md`${missing}: ${why}.`, suggestion: null }
  }
  const distance = daysBetween(date, nearest.date)
  if (Math.abs(distance) <= options.suggestWithinDays && nearest.path !== path) {
    return suggest(missing, nearest.path, ` (${describeDayDistance(distance)})`)
  }
  return {
    message: md`${missing}; the nearest minutes in ${where} are \`${nearest.path}\` (${describeDayDistance(distance)}).`,
    suggestion: null,
  }
}

function suggest(missing: Message, candidate: string, note: string): MissingTarget {
  return { message: md`${missing}; did you mean \`${candidate}\`${note}?`, suggestion: candidate }
}

/** A file of the same name in another folder: a relative link is suggested as it should be written. */
function suggestElsewhere(missing: Message, candidate: string, options: MissingLinkOptions): MissingTarget {
  if (!options.relative || !options.fromPath) return suggest(missing, candidate, '')
  const written = relativeLink(options.fromPath, candidate)
  const folder = splitPath(candidate)[0]
  const where = folder === '' ? 'at the root' : md`in \`${folder}/\``
  return { message: md`${missing}; did you mean \`${written}\` (\`${splitPath(candidate)[1]}\` ${where})?`, suggestion: written }
}

/** `community-call/x.md` → `Charter.md` is `../Charter.md`. */
function relativeLink(fromPath: string, target: string): string {
  const from = splitPath(fromPath)[0]
  return posix.relative(from === '' ? '.' : from, target) || splitPath(target)[1]
}

/**
 * The dated file closest to `date`; on a tie the later day, and on the same day the file
 * written like the missing one (same date pattern).
 */
export function nearestDatedFile(files: readonly DatedFile[], date: string, pattern: number): DatedFile | null {
  let best: DatedFile | null = null
  let bestDistance = Infinity
  for (const candidate of files) {
    const distance = Math.abs(daysBetween(date, candidate.date))
    const better =
      distance < bestDistance ||
      (distance === bestDistance && best !== null && (candidate.date > best.date || (candidate.date === best.date && candidate.pattern === pattern && best.pattern !== pattern)))
    if (better) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

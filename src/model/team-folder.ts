import type { TeamMapping } from '../config/types.js'
import { headingKey } from './sections.js'

/** Team and SIG headings: `Team IaaS`, `SIG Documentation`, `Monitoring SIG`, `IAM Team`. */
export function looksLikeTeamHeading(title: string): boolean {
  return /^(team|sig)\b/i.test(title.trim()) || /\b(team|sig)$/i.test(title.trim())
}

const WORD_ALIASES: Record<string, string> = { operations: 'ops', operation: 'ops' }

/**
 * The folder of a team's minutes: a mapping in the configuration first, then the folder its
 * `Minutes:` line links to, else the folder names its heading suggests, checked against the folders that exist:
 * `Team IaaS` → `iaas`, `SIG Documentation` → `sig-documentation`,
 * `Team Operations and IAM` / `Team Ops/IAM` → `ops-iam`, `Team IAM & IAM Hacking Session` → `iam`.
 */
export function inferTeamFolder(
  title: string,
  folders: ReadonlySet<string>,
  mappings: TeamMapping[],
  linkedFolder: string | null = null,
): string | null {
  const key = headingKey(title)
  const mapped = mappings.find((mapping) => headingKey(mapping.heading) === key)
  if (mapped) return mapped.folder
  if (linkedFolder) return linkedFolder
  return folderCandidates(title).find((candidate) => folders.has(candidate)) ?? null
}

/** Folder names a heading may stand for, most specific first. */
export function folderCandidates(title: string): string[] {
  const withoutNotes = title.replace(/\([^)]*\)/g, ' ').toLowerCase()
  const words = withoutNotes.split(/[^a-z0-9&/+,]+|(?=[&/+,])|(?<=[&/+,])/).filter(Boolean)
  const isSig = words.includes('sig')
  const groups: string[][] = [[]]
  for (const word of words) {
    if (['&', '/', '+', ',', 'and'].includes(word)) groups.push([])
    else if (word !== 'team' && word !== 'sig') groups.at(-1)?.push(WORD_ALIASES[word] ?? word)
  }
  const named = groups.filter((group) => group.length > 0).map((group) => group.join('-'))
  const bases = [named.join('-'), ...named]
  const candidates = bases.flatMap((base) => (isSig ? [`sig-${base}`, base] : [base, `team-${base}`]))
  return [...new Set(candidates.filter((candidate) => candidate !== '' && candidate !== 'sig-'))]
}

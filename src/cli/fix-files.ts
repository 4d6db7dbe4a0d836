import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { WorkspaceResult } from '../check/check-repository.js'
import { applyEdits, certainFixes, type TextEdit } from '../fix/certain-fixes.js'
import { unifiedDiff } from '../fix/unified-diff.js'
import { logLine } from '../markup/log-line.js'
import { compileDatePatterns } from '../repo/date-patterns.js'
import { indexRepository } from '../repo/repo-index.js'
import { plural } from '../report/findings.js'
import type { CliIO } from './main.js'

const DESCRIBED: Readonly<Record<TextEdit['kind'], string>> = {
  'link-extension': 'link: the missing .md',
  'link-case': 'link: the letter case',
  'link-day-off': 'link: the minutes one day off',
  'link-moved': 'link: the file moved',
  'title-date': 'title date: YYYY-MM-DD',
  'team-minutes': "team minutes: the link for the placeholder",
}

/**
 * `--fix` and `--fix-dry-run`: the certain fixes of this run's findings (suppressed ones too),
 * written into the files with each change named on stderr, or shown as a unified diff on
 * stdout. Returns how many files changed (or would).
 */
export async function fixFiles(root: string, result: WorkspaceResult, mode: 'write' | 'dry-run', io: CliIO): Promise<number> {
  const index = indexRepository(result.allPaths, compileDatePatterns(result.config.datePatterns))
  let files = 0
  let fixes = 0
  for (const file of result.unsuppressed.files) {
    if (!file.findings.some((finding) => finding.suggestion)) continue
    const absolute = join(root, ...file.path.split('/'))
    const text = await readFile(absolute, 'utf8')
    // A byte-order mark or bytes that are not UTF-8 shift the positions: such a file is left alone.
    if (text.startsWith('\uFEFF') || text.includes('\uFFFD')) continue
    const { text: fixed, applied } = applyEdits(text, certainFixes(text, file.findings, { path: file.path, config: result.config, index }))
    if (applied.length === 0 || fixed === text) continue
    files++
    fixes += applied.length
    if (mode === 'dry-run') {
      io.stdout(unifiedDiff(file.path, text, fixed))
      continue
    }
    await writeFile(absolute, fixed)
    for (const edit of applied) io.stderr(`${logLine(`minutes-check: fixed ${file.path}:${edit.line} ${DESCRIBED[edit.kind]}: “${text.slice(edit.start, edit.end)}” → “${edit.text}”`)}\n`)
  }
  const summary = `${fixes} ${fixes === 1 ? 'fix' : 'fixes'} in ${plural(files, 'file')}`
  io.stderr(mode === 'dry-run' ? `minutes-check: ${summary} would be applied (--fix applies them); nothing changed.\n` : `minutes-check: ${summary} applied.\n`)
  return files
}

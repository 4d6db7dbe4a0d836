import type { Text } from 'mdast'
import { posix } from 'node:path'
import { location } from 'vfile-location'
import { selectProfile } from '../config/profiles.js'
import type { Config } from '../config/types.js'
import { DEFAULT_SUGGEST_WITHIN_DAYS } from '../links/describe-missing-target.js'
import { resolveLink } from '../links/resolve-link.js'
import { buildMinutesModel, frontMatterOf } from '../model/build-model.js'
import { parseMarkdown } from '../parse/parse-markdown.js'
import { daysBetween } from '../repo/dates.js'
import type { RepoIndex } from '../repo/repo-index.js'
import type { Finding } from '../report/types.js'

/** The kinds of fix `--fix` applies: each one certain, none needing a person's choice. */
export type FixKind = 'link-extension' | 'link-case' | 'link-day-off' | 'link-moved' | 'title-date' | 'team-minutes'

/** One replacement in a file's text, by source offsets. */
export interface TextEdit {
  start: number
  end: number
  text: string
  kind: FixKind
  /** 1-based line of the edit, for what the CLI prints. */
  line: number
}

export interface FixContext {
  path: string
  config: Config
  index: RepoIndex
}

/** Dashes people type between a date's parts: the ASCII one and the typographic ones (‐ ‑ ‒ – —). */
const DASHED_DATE = /^(\d{4})[-\u2010-\u2014](\d{1,2})[-\u2010-\u2014](\d{1,2})$/

/**
 * The fixes that are certain among a file's findings: a link whose one suggested target is
 * the same file with `.md`, another letter case, moved to another folder, or dated one day off
 * with no other candidate; a title date written with other dashes or without leading zeros;
 * a placeholder where the team's minutes exist. Everything else (an ambiguous date, "fix
 * whichever is wrong") is left to a person. Pure: the text in, edits out.
 */
export function certainFixes(text: string, findings: readonly Finding[], context: FixContext): TextEdit[] {
  const tree = parseMarkdown(text)
  const frontMatter = frontMatterOf(tree)
  const profile = selectProfile(context.path, frontMatter, context.config)
  if (!profile) return []
  const model = buildMinutesModel(tree, { path: context.path, profile, config: context.config, index: context.index, frontMatter })
  const place = location(text)
  const offset = (line: number, column: number) => place.toOffset({ line, column })
  const edits: TextEdit[] = []
  const window = profile.ruleOptions['link-target-exists']?.suggestWithinDays
  const suggestWithinDays = typeof window === 'number' ? window : DEFAULT_SUGGEST_WITHIN_DAYS

  for (const finding of findings) {
    if (!finding.suggestion) continue
    const start = offset(finding.line, finding.column)
    const end = offset(finding.endLine, finding.endColumn)
    if (start === undefined || end === undefined) continue
    const at = { line: finding.line }
    if (finding.rule === 'link-target-exists') {
      const link = model.links.find(({ node }) => node.position?.start.offset === start && node.position.end.offset === end)
      const edit = link && linkFix(text.slice(start, end), link.url, finding.suggestion, context, suggestWithinDays)
      if (edit) edits.push({ ...at, start: start + edit.at, end: start + edit.at + link.url.length, text: edit.url, kind: edit.kind })
    } else if (finding.rule === 'title-date') {
      const written = DASHED_DATE.exec(text.slice(start, end))
      const normalized = written && `${written[1]}-${written[2]?.padStart(2, '0')}-${written[3]?.padStart(2, '0')}`
      if (normalized && normalized === finding.suggestion) edits.push({ ...at, start, end, text: normalized, kind: 'title-date' })
    } else if (finding.rule === 'team-minutes-missing') {
      const team = model.teams.find(({ minutesLine }) => minutesLine?.position?.start.offset === start)
      const edit = team?.minutesLine && placeholderFix(text, team.minutesLine.children, finding.suggestion, context)
      if (edit) edits.push({ ...at, ...edit, kind: 'team-minutes' })
    }
  }
  return edits
}

/** Where in the link's source its destination stands, and what it becomes; null unless certain. */
function linkFix(source: string, url: string, suggestion: string, context: FixContext, suggestWithinDays: number): { at: number; url: string; kind: FixKind } | null {
  const target = resolveLink(url, context.path, context.config.repository, context.index)
  if (target.kind !== 'repo') return null
  const missing = target.path
  const folder = posix.dirname(context.path) === '.' ? '' : posix.dirname(context.path)
  // A relative suggestion (a moved file, `../Charter.md`) is written from this file's folder.
  const suggested = context.index.files.has(suggestion) ? suggestion : posix.normalize(posix.join(folder, suggestion))
  if (!context.index.files.has(suggested)) return null
  const kind = fixKind(missing, suggested, context.index, suggestWithinDays)
  if (!kind) return null
  // The destination as written: the last occurrence in the link's source, after `(` or `<`, or the whole of a bare URL.
  const at = source.lastIndexOf(url)
  if (at < 0 || !(at === 0 || source[at - 1] === '(' || source[at - 1] === '<')) return null
  const rewritten = rewriteUrl(url, missing, suggested, folder)
  return rewritten === null || rewritten === url ? null : { at, url: rewritten, kind }
}

/** Which certain kind of fix `missing` → `suggested` is, or null when a person must choose. */
function fixKind(missing: string, suggested: string, index: RepoIndex, suggestWithinDays: number): FixKind | null {
  if (suggested === `${missing}.md`) return 'link-extension'
  const lower = suggested.toLowerCase()
  if (lower === missing.toLowerCase() || lower === `${missing}.md`.toLowerCase()) return 'link-case'
  const missingDate = index.dateOf(missing)
  const suggestedDate = index.dateOf(suggested)
  if (missingDate && suggestedDate) {
    if (missingDate.series !== suggestedDate.series || Math.abs(daysBetween(missingDate.date, suggestedDate.date)) !== 1) return null
    // The only dated file of the series within the suggestion window: else a person picks.
    const candidates = (index.datedFiles.get(missingDate.series) ?? []).filter(({ date }) => Math.abs(daysBetween(missingDate.date, date)) <= Math.max(1, suggestWithinDays))
    return candidates.length === 1 ? 'link-day-off' : null
  }
  // A file of the same name elsewhere: the rule suggests one only when it is the only one.
  return posix.basename(suggested).toLowerCase() === posix.basename(missing).toLowerCase() ? 'link-moved' : null
}

/**
 * The link with its path replaced, written as it was: only the file name when the folder
 * stays, the whole path for absolute and root-relative links (which end with it), else
 * relative to the file. Query and fragment kept.
 */
function rewriteUrl(url: string, missing: string, suggested: string, folder: string): string | null {
  const cut = url.search(/[?#]/)
  const pathPart = cut < 0 ? url : url.slice(0, cut)
  const rest = cut < 0 ? '' : url.slice(cut)
  let decoded: string
  try {
    decoded = decodeURI(pathPart)
  } catch {
    return null
  }
  if (posix.dirname(missing) === posix.dirname(suggested) && decoded.endsWith(posix.basename(missing))) {
    return `${encodePath(decoded.slice(0, decoded.length - posix.basename(missing).length) + posix.basename(suggested))}${rest}`
  }
  if (decoded.endsWith(`/${missing}`)) return `${encodePath(decoded.slice(0, decoded.length - missing.length) + suggested)}${rest}`
  if (/^[a-z][a-z0-9+.-]*:|^\//i.test(decoded)) return null
  return `${encodePath(posix.relative(folder === '' ? '.' : folder, suggested))}${rest}`
}

/**
 * `Minutes: None yet` → `Minutes: [ops/20230323.md](../ops/20230323.md)`: only a line that is
 * one plain text, written as it reads (no escapes), so the placeholder's offsets are certain.
 */
function placeholderFix(text: string, children: readonly unknown[], suggestion: string, context: FixContext): { start: number; end: number; text: string } | null {
  const [only] = children as Text[]
  if (children.length !== 1 || only?.type !== 'text') return null
  const start = only.position?.start.offset
  const end = only.position?.end.offset
  if (start === undefined || end === undefined || text.slice(start, end) !== only.value) return null
  const label = /^\s*minutes\s*:?\s*/i.exec(only.value)?.[0] ?? ''
  const placeholder = only.value.slice(label.length).trimEnd()
  if (label === '' || placeholder === '') return null
  const folder = posix.dirname(context.path) === '.' ? '' : posix.dirname(context.path)
  const target = encodePath(posix.relative(folder === '' ? '.' : folder, suggestion))
  // The path as the link's text, its Markdown characters escaped.
  const linkText = suggestion.replace(/[\\[\]*_`<>]/g, '\\$&')
  return { start: start + label.length, end: start + label.length + placeholder.length, text: `[${linkText}](${target})` }
}

/** A path as a link destination: percent-encoded, parentheses too, so that it cannot end the link. */
function encodePath(path: string): string {
  return encodeURI(path).replace(/[()]/g, (paren) => (paren === '(' ? '%28' : '%29'))
}

/** Applies edits from the end of the text backwards, so earlier offsets stay right; an edit overlapping a later one is dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const ordered = [...edits].sort((a, b) => b.start - a.start)
  const applied: TextEdit[] = []
  let result = text
  let limit = Infinity
  for (const edit of ordered) {
    if (edit.end > limit) continue
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
    limit = edit.start
    applied.push(edit)
  }
  return { text: result, applied: applied.reverse() }
}

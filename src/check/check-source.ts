import type { Root } from 'mdast'
import remarkLint from 'remark-lint'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { extractFirstActionItems, type ActionItem } from '../action-items/index.js'
import type { Config, Profile } from '../config/types.js'
import { isMinutesPath, selectProfile } from '../config/profiles.js'
import { RULE_IDS, type EngineFindingId } from '../constants.js'
import { buildMinutesModel, frontMatterOf } from '../model/build-model.js'
import { meetingReportsOf } from '../report/meetings.js'
import { teamReportsOf } from '../model/team-report.js'
import type { RepoIndex } from '../repo/repo-index.js'
import { decodeUtf8, looksBinary, type DecodedText } from '../parse/decode.js'
import { findDeepNesting, findLongEmphasisRun } from '../parse/prescan.js'
import { parseMarkdown } from '../parse/parse-markdown.js'
import { compareFindings, messageToFinding } from './message-to-finding.js'
import type { FileReport, Finding } from '../report/types.js'
import { LINT_SOURCE } from '../rules/define-rule.js'
import { RULES } from '../rules/index.js'
import { invalidBytesMessage } from '../rules/encoding.js'

/** A minutes file to check: its path relative to the repository root and its bytes. */
export interface SourceFile {
  path: string
  content: Uint8Array | string
}

/** What stays the same for every file of a run. */
export interface CheckContext {
  config: Config
  index: RepoIndex
}

const lintersByProfile = new WeakMap<Profile, Processor<Root, Root, Root>>()

/** The rules a profile turns on, as one unified processor, built once per profile. */
function linterFor(profile: Profile): Processor<Root, Root, Root> {
  let linter = lintersByProfile.get(profile)
  if (!linter) {
    const processor = unified() as unknown as Processor<Root, Root, Root>
    for (const id of RULE_IDS) {
      const level = profile.rules[id]
      if (level && level !== 'off') processor.use(RULES[id].plugin, [level === 'error' ? 'error' : 'warn', profile.ruleOptions[id] ?? {}])
    }
    linter = processor.freeze() as Processor<Root, Root, Root>
    lintersByProfile.set(profile, linter)
  }
  return linter
}

/**
 * Checks one file: budgets → decode → pre-scan → parse (once) → profile → model → rules →
 * findings and action items. Returns null for a file no profile applies to. Pure, and
 * never throws: a file over a budget gets one finding instead of a check, and an
 * unexpected failure at any step becomes a finding at the top of the file.
 */
export function checkSource(source: SourceFile, context: CheckContext): FileReport | null {
  const early = screen(source, context)
  if (early.report !== undefined) return early.report
  return checkParsed(source.path, early, context)
}

/** A file through the budgets, decoded and parsed: what the check reads. */
export interface ParsedFile {
  decoded: DecodedText
  tree: Root
}

/**
 * The check of a file already through `screen` (its budgets, decoding, parse): profile →
 * model → rules → findings and action items. The tree is read, never changed, so a tree
 * parsed before the repository was known is checked as one parsed after (issue 22).
 */
export function checkParsed(path: string, parsed: ParsedFile, context: CheckContext): FileReport | null {
  const source = { path }
  const { decoded, tree } = parsed
  const frontMatter = frontMatterOf(tree)
  const profile = selectProfile(source.path, frontMatter, context.config)
  if (!profile) return null
  let step = 'building the minutes model'
  try {
    // The model's schema is checked by the tests on every fixture, not on every run.
    const model = buildMinutesModel(tree, { path: source.path, profile, config: context.config, index: context.index, frontMatter })
    step = 'running the rules'
    const file = new VFile({ path: source.path, value: decoded.text })
    file.data.minutes = { model, config: context.config, index: context.index, decoded, profile }
    runLinter(profile, tree, file)
    const findings = file.messages
      .map((message) => (message.fatal && !message.ruleId ? lintCommentFinding(message) : messageToFinding(message, profile.rules[message.ruleId as keyof Profile['rules']])))
      .sort(compareFindings)
    step = 'extracting action items'
    // One past the budget is kept: the finding stands on it; those after it are only counted.
    const { maxActionItems } = context.config.limits
    const { items: actionItems, count } = extractFirstActionItems(tree, maxActionItems + 1, context.config.actionItems.grammar, context.config.actionItems.people)
    const overBudget = actionItemsOverBudget(actionItems, count, maxActionItems)
    return {
      path: source.path,
      profile: profile.name,
      date: model.date,
      findings: overBudget ? [...findings, overBudget].sort(compareFindings) : findings,
      teams: teamReportsOf(model, context.config, context.index),
      actionItems: overBudget ? [] : actionItems,
      ...(profile.kind === 'running' ? { meetings: meetingReportsOf(model.meetings) } : {}),
    }
  } catch (error) {
    return { path: source.path, profile: profile.name, date: null, findings: [internalFailure(error, step)], teams: [], actionItems: [] }
  }
}

/**
 * More action items than the budget: one finding on the first item past it. None of the
 * file's items are kept, so no run, however many, opens that many issues from one file
 * (`max-new-issues` only spreads them over runs); the rules' findings stand. `items`: the
 * file's first items (one past the budget when it has more); `count`: all of them.
 */
function actionItemsOverBudget(items: readonly ActionItem[], count: number, maxActionItems: number): Finding | null {
  const first = items[maxActionItems]
  if (!first) return null
  const message = `The file holds ${count} action items, more than the budget of ${maxActionItems} (limits.maxActionItems); none of them are kept as issues.`
  return engineFinding('too-many-action-items', message, first)
}

export type Screened = { report: FileReport | null; decoded?: never; tree?: never } | { report?: undefined; decoded: DecodedText; tree: Root }

/**
 * A file's tree for a look before the check (the links it holds), through the same budgets
 * before parsing as the check; null when one of them stops it (the check reports it).
 */
export function screenedTree(source: SourceFile, context: { config: Config }): Root | null {
  const screened = screen(source, context)
  return screened.report === undefined ? screened.tree : null
}

/** The steps before the profile is known: each budget, then decoding and parsing, guarded. */
export function screen(source: SourceFile, context: { config: Config }): Screened {
  const { limits } = context.config
  const size = typeof source.content === 'string' ? Buffer.byteLength(source.content) : source.content.byteLength
  if (size > limits.maxFileBytes) {
    const message = `The file is ${size} bytes, more than the budget of ${limits.maxFileBytes} (limits.maxFileBytes); it is not checked.`
    return { report: uncheckedReport(source.path, context, engineFinding('file-too-large', message)) }
  }
  let step = 'decoding'
  try {
    const decoded = decodeUtf8(source.content)
    if (looksBinary(source.content)) {
      const encodingLevel = selectProfile(source.path, null, context.config)?.rules.encoding
      const severity = encodingLevel && encodingLevel !== 'off' ? encodingLevel : 'error'
      const at = pointAt(decoded.text, firstBinaryOffset(decoded))
      const finding = { ...engineFinding('encoding', invalidBytesMessage(decoded, true), at), severity }
      return { report: uncheckedReport(source.path, context, finding) }
    }
    step = 'looking at the nesting'
    const deep = findDeepNesting(decoded.text, limits.maxNesting)
    if (deep) {
      const message = `Lists or block quotes nested ${deep.depth} deep on this line, more than the budget of ${limits.maxNesting} (limits.maxNesting); the file is not checked.`
      return { report: uncheckedReport(source.path, context, engineFinding('file-too-complex', message, deep)) }
    }
    const run = findLongEmphasisRun(decoded.text, limits.maxNesting)
    if (run) {
      const message = `A run of ${run.length} emphasis markers (* or _) here may nest emphasis ${run.depth} deep, more than the budget of ${limits.maxNesting} (limits.maxNesting); the file is not checked.`
      return { report: uncheckedReport(source.path, context, engineFinding('file-too-complex', message, run)) }
    }
    step = 'parsing'
    return { decoded, tree: parseMarkdown(decoded.text) }
  } catch (error) {
    return { report: uncheckedReport(source.path, context, internalFailure(error, step)) }
  }
}

/**
 * Runs the rules. A `lint` comment with an unknown keyword makes the message control fail
 * the file; that failure is kept as a finding (with the rules' messages, unquieted), not
 * turned into an internal error.
 */
function runLinter(profile: Profile, tree: Root, file: VFile): void {
  try {
    linterFor(profile).runSync(tree, file)
    if (needsMessageControl(file)) messageControl.runSync(tree, file)
  } catch (error) {
    if (!(error instanceof VFileMessage && file.messages.includes(error))) throw error
  }
}

/** remark-lint's message control, after the rules: `<!-- lint disable|enable|ignore rule-id -->`. */
const messageControl = unified().use(remarkLint).freeze() as unknown as Processor<Root, Root, Root>

/**
 * Whether the message control could change anything: it drops or moves only the rules'
 * messages, and reads markers only from HTML comments (`<!-- lint … -->`; our parser makes
 * no other node it reads them from). A file with neither (most files) skips its two walks
 * of the whole tree, a tenth of a run; a search of the text for `<!--` costs next to nothing
 * (a walk of the tree to look for comment nodes cost 2 % of a run).
 */
function needsMessageControl(file: VFile): boolean {
  return file.messages.some((message) => message.source === LINT_SOURCE) || String(file.value).includes('<!--')
}

/** A `<!-- lint … -->` comment that cannot be understood. */
function lintCommentFinding(message: VFileMessage): Finding {
  return { ...messageToFinding(message, 'error'), rule: LINT_COMMENT_RULE }
}

/** The rule name of findings about `<!-- lint … -->` comments themselves. */
export const LINT_COMMENT_RULE = 'lint-comment'

/** The report of a file that gets one finding instead of a check; null when no profile could apply to it. */
export function uncheckedReport(path: string, context: { config: Config }, finding: Finding): FileReport | null {
  const profile = selectProfile(path, null, context.config)
  if (!profile && !isMinutesPath(path, context.config)) return null
  return { path, profile: profile?.name ?? 'unknown', date: null, findings: [finding], teams: [], actionItems: [] }
}

/** A finding of the engine itself (not of a rule): always an error. */
export function engineFinding(rule: EngineFindingId | 'encoding', message: string, at: { line: number; column: number } = { line: 1, column: 1 }): Finding {
  return { rule, severity: 'error', line: at.line, column: at.column, endLine: at.line, endColumn: at.column, message }
}

function internalFailure(error: unknown, step: string): Finding {
  const reason = error instanceof Error ? error.message : String(error)
  return engineFinding('internal', `minutes-automation could not check this file (${reason}, while ${step}); please report this.`)
}

function firstBinaryOffset(decoded: DecodedText): number {
  const nul = decoded.text.indexOf('\0')
  const invalid = decoded.invalidOffsets[0] ?? -1
  return invalid >= 0 && (nul < 0 || invalid < nul) ? invalid : Math.max(0, nul)
}

/** Line and column (1-based) of an offset, counting LF, CRLF and CR line endings as the parser does. */
function pointAt(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let at = 0; at < offset; at++) {
    const code = text.charCodeAt(at)
    if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) {
      line++
      lineStart = at + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import { lintRule } from 'unified-lint-rule'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Config, Profile, RuleOptions } from '../config/types.js'
import { plainMessage, type Message } from '../markup/message.js'
import { DOCS_URL, type RuleId, type Severity } from '../constants.js'
import type { DecodedText } from '../parse/decode.js'
import type { RepoIndex } from '../repo/repo-index.js'
import type { MinutesModel } from '../model/types.js'

/** The `source` of every rule's messages: the one remark-lint's `<!-- lint … -->` comments control. */
export const LINT_SOURCE = 'remark-lint'

/** What the engine puts on each file for the rules: the model built once, and the run's shared data. */
export interface FileContext {
  model: MinutesModel
  config: Config
  index: RepoIndex
  decoded: DecodedText
  /** The profile the file is checked with. */
  profile: Profile
}

/** What a rule's check reads: the file's context and this rule's options under the profile. */
export interface RuleContext extends FileContext {
  /** The rule's options as configured (`{suggestWithinDays: 3}`); `{}` when none. */
  options: RuleOptions
}

declare module 'vfile' {
  interface DataMap {
    minutes: FileContext
  }
}

/** A message with what our adapter needs besides what vfile carries. */
export interface MinutesMessage extends VFileMessage {
  /** Lower than the rule's configured level for this one message (a fixable title date is a warning). */
  severity?: Severity
  /** The message as safe Markdown for the PR comment (see `md`). */
  markdown?: string
}

/**
 * Emits one positioned finding. The reason is built with `md` (our Markdown, values from the
 * minutes escaped); a plain string is escaped whole. `suggestion` is the fix, when one is known.
 */
export type Report = (
  reason: string | Message,
  place: Position | undefined,
  extra?: { severity?: Severity; suggestion?: string | null },
) => void

/**
 * A rule: its id and the unified plugin that runs it. Its documentation (summary, details,
 * examples) is the doc comment of its module, read by scripts/rule-docs.js.
 */
export interface MinutesRule {
  id: RuleId
  plugin: Plugin<[unknown?], Root>
}

/**
 * Wraps a check into a remark-lint rule that reads the model from `file.data.minutes` and its
 * options the remark-lint way (`processor.use(rule, [severity, options])`).
 */
export function defineRule(
  id: RuleId,
  check: (tree: Root, context: RuleContext, report: Report) => void,
): MinutesRule {
  // The `remark-lint:` origin is what remark-lint's message control filters on, so
  // `<!-- lint disable rule-id -->` comments quiet our rules as they do any remark-lint rule.
  const plugin = lintRule({ origin: `${LINT_SOURCE}:${id}`, url: `${DOCS_URL}#${id}` }, (tree: Root, file: VFile, options: unknown) => {
    const context = file.data.minutes
    if (!context) return
    const ruleOptions = options !== null && typeof options === 'object' ? (options as RuleOptions) : {}
    check(tree, { ...context, options: ruleOptions }, (reason, place, extra) => {
      const text = typeof reason === 'string' ? plainMessage(reason) : reason
      const message = file.message(text.plain, { place, ruleId: id, source: LINT_SOURCE }) as MinutesMessage
      message.markdown = text.markdown
      if (extra?.severity) message.severity = extra.severity
      if (extra?.suggestion) message.expected = [extra.suggestion]
    })
  })
  return { id, plugin: plugin as unknown as Plugin<[unknown?], Root> }
}

/** The first line of a file, where findings about the whole file go. */
export const START_OF_FILE: Position = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }

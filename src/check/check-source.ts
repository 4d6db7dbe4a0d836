import type { Root } from 'mdast'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import { extractActionItems } from '../action-items/index.js'
import type { Config, Profile } from '../config/types.js'
import { selectProfile } from '../config/profiles.js'
import { RULE_IDS } from '../constants.js'
import { buildMinutesModel, frontMatterOf } from '../model/build-model.js'
import { teamReportsOf } from '../model/team-report.js'
import type { RepoIndex } from '../repo/repo-index.js'
import { decodeUtf8 } from '../parse/decode.js'
import { parseMarkdown } from '../parse/parse-markdown.js'
import { compareFindings, messageToFinding } from './message-to-finding.js'
import type { FileReport, Finding } from '../report/types.js'
import { RULES } from '../rules/index.js'

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
 * Checks one file: decode → parse (once) → profile → model → rules → findings and action
 * items. Returns null for a file no profile applies to. Pure, and never throws: an
 * unexpected failure becomes a finding at the top of the file.
 */
export function checkSource(source: SourceFile, context: CheckContext): FileReport | null {
  const decoded = decodeUtf8(source.content)
  const tree = parseMarkdown(decoded.text)
  const frontMatter = frontMatterOf(tree)
  const profile = selectProfile(source.path, frontMatter, context.config)
  if (!profile) return null
  try {
    // The model's schema is checked by the tests on every fixture, not on every run.
    const model = buildMinutesModel(tree, { path: source.path, profile, config: context.config, index: context.index, frontMatter })
    const file = new VFile({ path: source.path, value: decoded.text })
    file.data.minutes = { model, config: context.config, index: context.index, decoded, profile }
    linterFor(profile).runSync(tree, file)
    const findings = file.messages
      .map((message) => messageToFinding(message, profile.rules[message.ruleId as keyof Profile['rules']]))
      .sort(compareFindings)
    return {
      path: source.path,
      profile: profile.name,
      date: model.date,
      findings,
      teams: teamReportsOf(model, context.config, context.index),
      actionItems: extractActionItems(tree, context.config.actionItems.grammar),
    }
  } catch (error) {
    return { path: source.path, profile: profile.name, date: null, findings: [internalFailure(error)], teams: [], actionItems: [] }
  }
}

function internalFailure(error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    rule: 'internal',
    severity: 'error',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: `minutes-automation could not check this file (${reason}); please report this.`,
  }
}

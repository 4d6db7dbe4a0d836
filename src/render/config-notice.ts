import type { ConfigComparison, Weakening } from '../config/compare-config.js'
import { cell, code, truncate } from '../markup/escape.js'
import { plural } from '../report/findings.js'

/** A pull request that changes the configuration or the suppressions, as the comment tells it first. */
export interface ConfigNotice {
  /** The files it changes (ours: `.github/minutes.yml`, the suppressions file, the `config` input's file). */
  files: string[]
  /** `base`: this run checked with the base branch's files (pull_request_target); `head`: with the PR's. */
  checkedWith: 'base' | 'head'
  /** What the change switches off or raises; null when it could not be compared. */
  comparison: ConfigComparison | null
  /** Why it could not be compared (a file that does not parse), in our words. */
  problems: string[]
}

/** Entries listed; a hostile file may hold thousands. */
const LIST_LIMIT = 30
/** Globs, phrases and keys named in one entry. */
const NAMED_LIMIT = 10

/**
 * The notice that opens the summary comment of a pull request changing how it is checked:
 * which files, which configuration this run used, and each thing the change switches off,
 * lowers, raises, narrows or accepts. Everything from the files is inert code or text.
 */
export function renderConfigNotice(notice: ConfigNotice): string {
  const files = notice.files.map(code).join(' and ')
  const used =
    notice.checkedWith === 'base'
      ? "This run checks with the base branch's configuration and suppressions (`pull_request_target`); the change applies once merged."
      : 'This run checks with the changed configuration and suppressions.'
  const lines = [`### ⚠️ This pull request changes how minutes are checked`, '', `It changes ${files}. ${used}`, '']
  for (const problem of notice.problems) lines.push(`- ⚠️ ${problem}`)
  const comparison = notice.comparison
  if (comparison) {
    const entries = comparison.weakenings.map(describe)
    if (entries.length === 0) lines.push('It switches nothing off and raises no budget.')
    else {
      lines.push(`What it switches off or raises (${plural(entries.length, 'change')}):`, '')
      lines.push(...entries.slice(0, LIST_LIMIT).map((entry) => `- ${entry}`))
      if (entries.length > LIST_LIMIT) lines.push(`- … and ${entries.length - LIST_LIMIT} more`)
    }
    if (comparison.otherChanges.length > 0) lines.push('', `It also changes ${named(comparison.otherChanges)}.`)
  }
  return `${lines.join('\n')}\n`
}

function describe(weakening: Weakening): string {
  switch (weakening.kind) {
    case 'rule-off':
      return `switches off ${code(weakening.rule)} in profile ${code(weakening.profile)} (was ${weakening.was})`
    case 'rule-lowered':
      return `lowers ${code(weakening.rule)} in profile ${code(weakening.profile)} from ${weakening.was} to ${weakening.now}`
    case 'limit-raised':
      return `raises ${code(`limits.${weakening.limit}`)} from ${weakening.was} to ${weakening.now}`
    case 'exclude-added':
      return `excludes ${code(weakening.pattern)} from every check`
    case 'paths-removed':
      return `profile ${code(weakening.profile)} no longer applies to ${named(weakening.paths)}`
    case 'profile-added': {
      const off = weakening.off.length > 0 ? `, with ${named(weakening.off)} off` : ''
      return `adds profile ${code(weakening.profile)}, tried before the built-in ones, for ${named(weakening.paths)}${off}`
    }
    case 'sections-dropped':
      return `profile ${code(weakening.profile)} no longer requires ${weakening.sections.map((section) => `“${cell(section, 80)}”`).join(', ')}`
    case 'placeholders-added':
      return `adds ${plural(weakening.phrases.length, 'phrase')} meaning “no minutes”: ${weakening.phrases.slice(0, NAMED_LIMIT).map((phrase) => `“${cell(phrase, 80)}”`).join(', ')}${more(weakening.phrases)}`
    case 'image-hosts-removed':
      return `removes ${named(weakening.hosts)} from ${code('externalImages.hosts')}: ${code('external-image-copied')} no longer checks that pictures there have a copy`
    case 'suppression-added':
      return `accepts ${plural(weakening.now, `${code(weakening.rule)} finding`)} in ${code(weakening.path)} (was ${weakening.was})`
  }
}

/** `a`, `b`, `c` and 4 more: values as code, the list cut. */
function named(values: readonly string[]): string {
  return `${values
    .slice(0, NAMED_LIMIT)
    .map((value) => code(truncate(value, 120)))
    .join(', ')}${more(values)}`
}

function more(values: readonly string[]): string {
  return values.length > NAMED_LIMIT ? ` and ${values.length - NAMED_LIMIT} more` : ''
}

import type { ErrorObject, ValidateFunction } from 'ajv'
import { parseDocument } from 'yaml'
import validators from '../schemas/validators.cjs'
import { extendGrammar } from '../action-items/index.js'
import { RULE_IDS } from '../constants.js'
import { DEFAULT_CONFIG } from './defaults.js'
import type { Config, Profile, RequiredSection, UserConfig, UserProfile } from './types.js'

/** A configuration that could not be used; the message names the file and the key. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** schemas/config.schema.json, compiled at build time (scripts/compile-schemas.js). */
const validateUserConfig = validators.validateUserConfig as ValidateFunction<UserConfig>

/**
 * Turns the text of a configuration file into the configuration the engine runs with:
 * YAML → validated against schemas/config.schema.json → merged over the built-in defaults.
 * `text` null means there is no file: the defaults. Throws ConfigError, never anything else.
 */
export function loadConfig(text: string | null, source = '.github/minutes.yml'): Config {
  if (text === null) return DEFAULT_CONFIG
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  const syntaxError = document.errors[0]
  if (syntaxError) {
    const where = syntaxError.linePos?.[0]
    const at = where ? `:${where.line}:${where.col}` : ''
    throw new ConfigError(`${source}${at}: invalid YAML: ${syntaxError.message.split('\n')[0]}`)
  }
  const value: unknown = document.toJS() ?? {}
  if (!validateUserConfig(value)) {
    const problems = (validateUserConfig.errors ?? []).map(describeSchemaError)
    throw new ConfigError(`${source}: ${[...new Set(problems)].join('; ')}`)
  }
  return mergeConfig(DEFAULT_CONFIG, value)
}

/** One ajv error as a sentence naming the key, e.g. `profiles.weekly.rules.titel: unknown key`. */
function describeSchemaError(error: ErrorObject): string {
  const key = error.instancePath.slice(1).replaceAll('/', '.') || '(top level)'
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty)
      const where = key === '(top level)' ? extra : `${key}.${extra}`
      const known = key.endsWith('.rules') ? ` (known rules: ${RULE_IDS.join(', ')})` : ''
      return `\`${where}\` is not a known key${known}`
    }
    case 'enum':
      return `\`${key}\` must be one of ${(error.params.allowedValues as string[]).join(', ')}`
    case 'format':
      return error.params.format === 'date' ? `\`${key}\` must be a date written YYYY-MM-DD` : `\`${key}\` ${error.message ?? 'is invalid'}`
    default:
      return `\`${key}\` ${error.message ?? 'is invalid'}`
  }
}

function mergeConfig(base: Config, user: UserConfig): Config {
  const profiles = base.profiles.map((profile) => {
    const override = user.profiles?.[profile.name]
    return override ? mergeProfile(profile, override) : profile
  })
  for (const [name, override] of Object.entries(user.profiles ?? {})) {
    if (!profiles.some((profile) => profile.name === name)) profiles.push(mergeProfile(emptyProfile(name), override))
  }
  return {
    repository: user.repository ?? base.repository,
    profiles,
    teams: [...(user.teams ?? []), ...base.teams],
    placeholders: [...base.placeholders, ...(user.placeholders ?? []).map((phrase) => phrase.toLowerCase())],
    teamMinutesWindow: { ...base.teamMinutesWindow, ...user.teamMinutesWindow },
    suggestWithinDays: user.suggestWithinDays ?? base.suggestWithinDays,
    exclude: user.exclude ?? base.exclude,
    actionItems: {
      label: user.actionItems?.label ?? base.actionItems.label,
      teamLabel: user.actionItems?.teamLabel === undefined ? base.actionItems.teamLabel : user.actionItems.teamLabel,
      grammar: user.actionItems?.grammar ? extendGrammar(user.actionItems.grammar) : base.actionItems.grammar,
      people: { ...base.actionItems.people, ...user.actionItems?.people },
      since: user.actionItems?.since ?? base.actionItems.since,
    },
    limits: { ...base.limits, ...user.limits },
  }
}

function emptyProfile(name: string): Profile {
  return { name, paths: [], frontMatter: {}, rules: {}, requiredSections: [], minuteTaker: { section: 'Meta', labels: [] } }
}

function mergeProfile(base: Profile, user: UserProfile): Profile {
  return {
    name: base.name,
    paths: user.paths ?? base.paths,
    frontMatter: user.frontMatter ?? base.frontMatter,
    rules: { ...base.rules, ...user.rules },
    requiredSections: user.requiredSections?.map(toRequiredSection) ?? base.requiredSections,
    minuteTaker: { ...base.minuteTaker, ...user.minuteTaker },
  }
}

function toRequiredSection(entry: string | { name: string; aliases?: string[]; satisfiedByTeamSections?: boolean }): RequiredSection {
  if (typeof entry === 'string') return { name: entry, aliases: [], satisfiedByTeamSections: false }
  return { name: entry.name, aliases: entry.aliases ?? [], satisfiedByTeamSections: entry.satisfiedByTeamSections ?? false }
}

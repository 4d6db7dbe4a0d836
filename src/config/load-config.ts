import type { ValidateFunction } from 'ajv'
import { type Document, LineCounter, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml'
import validators from '../schemas/validators.cjs'
import { extendGrammar } from '../action-items/index.js'
import { DEFAULT_CONFIG_PATH, type RuleId, type RuleLevel } from '../constants.js'
import { logLine } from '../markup/log-line.js'
import { DatePatternError, compileDatePattern } from '../repo/date-patterns.js'
import { DEFAULT_CONFIG, DEFAULT_RULE_LEVELS, defaultProfile } from './defaults.js'
import { didYouMean } from './did-you-mean.js'
import { schemaProblems } from './schema-problems.js'
import type { Config, Profile, RequiredSection, UserConfig, UserProfile, UserRuleSetting } from './types.js'

/** A configuration that could not be used; the message names the file and the key. */
export class ConfigError extends Error {
  override name = 'ConfigError'
  /** `path` (keys from the top of the file) leads to the value at fault, for its position. */
  constructor(
    message: string,
    readonly path?: readonly string[],
  ) {
    super(message)
  }
}

/** schemas/config.schema.json, compiled at build time (scripts/compile-schemas.js). */
const validateUserConfig = validators.validateUserConfig as ValidateFunction<UserConfig>

/**
 * Turns the text of a configuration file into the configuration the engine runs with:
 * YAML → validated against schemas/config.schema.json → merged over the built-in defaults.
 * `text` null means there is no file: the defaults. Throws ConfigError, never anything else.
 */
export function loadConfig(text: string | null, source: string = DEFAULT_CONFIG_PATH): Config {
  if (text === null) return DEFAULT_CONFIG
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter })
  const syntaxError = document.errors[0]
  if (syntaxError) {
    const where = syntaxError.linePos?.[0]
    const at = where ? `:${where.line}:${where.col}` : ''
    throw new ConfigError(`${source}${at}: invalid YAML: ${syntaxError.message.split('\n')[0]}`)
  }
  const value: unknown = document.toJS() ?? {}
  if (!validateUserConfig(value)) {
    // Each problem with its own position; what it quotes is the file's text, kept to one log line.
    const problems = schemaProblems(validateUserConfig.errors ?? [], value).map(
      (problem) => `${source}${positionOf(document, lineCounter, problem.path, problem.key)}: ${logLine(problem.message)}`,
    )
    throw new ConfigError([...new Set(problems)].join('; '))
  }
  try {
    return mergeConfig(DEFAULT_CONFIG, value)
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${source}${error.path ? positionOf(document, lineCounter, error.path) : ''}: ${logLine(error.message)}`)
    throw error
  }
}

/**
 * `:line:column` of the value at `path` in the YAML document (of the key `key` in the mapping
 * there, for a misspelt key), or '' when the document has no such node (the empty document).
 */
function positionOf(document: Document, lines: LineCounter, path: readonly string[], key?: string): string {
  let node: unknown = document.contents
  for (const part of path) {
    const next = childOf(node, part)
    if (next === undefined) break
    node = next
  }
  if (key !== undefined && isMap(node)) node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key)?.key ?? node
  const offset = isNode(node) ? node.range?.[0] : undefined
  if (offset === undefined) return ''
  const { line, col } = lines.linePos(offset)
  return `:${line}:${col}`
}

/** The node under a key of a mapping (its key when the value is empty) or an index of a list. */
function childOf(node: unknown, part: string): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === part)
    // `key:` with nothing after it: the empty value's position is the line's end, the key's is clearer.
    const empty = !isNode(pair?.value) || (isScalar(pair.value) && pair.value.range?.[0] === pair.value.range?.[1])
    return pair ? (empty ? pair.key : pair.value) : undefined
  }
  if (isSeq(node)) return node.items[Number(part)]
  return undefined
}

function mergeConfig(base: Config, user: UserConfig): Config {
  const datePatterns = user.datePatterns ?? base.datePatterns
  compileDatePatternsOrThrow(datePatterns)
  const userProfiles = user.profiles ?? {}
  const builtIn = (name: string) => base.profiles.find((profile) => profile.name === name)
  const known = [...new Set([...base.profiles.map((profile) => profile.name), ...Object.keys(userProfiles)])]
  const resolved = new Map<string, Profile>()
  const resolving: string[] = []
  const resolve = (name: string): Profile => {
    const done = resolved.get(name)
    if (done) return done
    const override = userProfiles[name]
    if (!override) return builtIn(name) as Profile
    if (resolving.includes(name)) throw new ConfigError(`\`profiles.${name}.extends\`: profiles extend each other in a circle (${[...resolving, name].join(' → ')})`, ['profiles', name, 'extends'])
    resolving.push(name)
    const profile = mergeProfile(startOf(name, override), override, name)
    resolving.pop()
    resolved.set(name, profile)
    return profile
  }
  // `extends: X` starts from profile X (a built-in profile overridden under its own name is
  // extended as built in); without it an existing profile is merged over itself, and a new
  // one starts with every rule at its default level.
  const startOf = (name: string, override: UserProfile): Profile => {
    const target = override.extends
    if (target === undefined) return builtIn(name) ?? defaultProfile(name)
    if (!known.includes(target)) {
      const guess = didYouMean(target, known)
      throw new ConfigError(`\`profiles.${name}.extends\`: there is no profile \`${target}\` (profiles: ${known.join(', ')})${guess ? `; did you mean \`${guess}\`?` : ''}`, ['profiles', name, 'extends'])
    }
    if (target === name) {
      const own = builtIn(name)
      if (!own) throw new ConfigError(`\`profiles.${name}.extends\`: a profile cannot extend itself`, ['profiles', name, 'extends'])
      return own
    }
    return resolve(target)
  }
  const added = Object.keys(userProfiles).filter((name) => !base.profiles.some((profile) => profile.name === name))
  // New profiles are tried before the built-in ones: `meetings/2026-05-06.md` is a `meetings`
  // file, not a built-in `team` one. Profiles with a front matter condition are tried first anyway.
  const profiles = [...added.map(resolve), ...base.profiles.map((profile) => resolve(profile.name))].map((profile) =>
    withSuggestWithinDays(profile, user.suggestWithinDays),
  )
  return {
    repository: user.repository ?? base.repository,
    profiles,
    teams: [...(user.teams ?? []), ...base.teams],
    placeholders: [...base.placeholders, ...(user.placeholders ?? []).map((phrase) => phrase.toLowerCase())],
    teamMinutesWindow: { ...base.teamMinutesWindow, ...user.teamMinutesWindow },
    datePatterns: [...datePatterns],
    exclude: user.exclude ?? base.exclude,
    actionItems: {
      label: user.actionItems?.label ?? base.actionItems.label,
      teamLabel: user.actionItems?.teamLabel === undefined ? base.actionItems.teamLabel : user.actionItems.teamLabel,
      grammar: user.actionItems?.grammar ? extendGrammar(user.actionItems.grammar) : base.actionItems.grammar,
      people: { ...base.actionItems.people, ...user.actionItems?.people },
      since: user.actionItems?.since ?? base.actionItems.since,
    },
    limits: { ...base.limits, ...user.limits },
    externalImages: {
      hosts: user.externalImages?.hosts?.map((host) => host.toLowerCase()) ?? base.externalImages.hosts,
      folder: user.externalImages?.folder === undefined ? base.externalImages.folder : user.externalImages.folder,
      maxBytes: user.externalImages?.maxBytes ?? base.externalImages.maxBytes,
    },
  }
}

function compileDatePatternsOrThrow(patterns: readonly string[]): void {
  patterns.forEach((pattern, at) => {
    try {
      compileDatePattern(pattern)
    } catch (error) {
      if (error instanceof DatePatternError) {
        throw new ConfigError(`\`datePatterns[${at}]\` ${error.message}; a pattern holds YYYY, MM and DD (written twice, a token stands for the same digits)`, ['datePatterns', String(at)])
      }
      throw error
    }
  })
}

/** The deprecated top-level `suggestWithinDays` applies where a profile does not say. */
function withSuggestWithinDays(profile: Profile, suggestWithinDays: number | undefined): Profile {
  const options = profile.ruleOptions['link-target-exists']
  if (suggestWithinDays === undefined || options?.suggestWithinDays !== undefined) return profile
  return { ...profile, ruleOptions: { ...profile.ruleOptions, 'link-target-exists': { ...options, suggestWithinDays } } }
}

function mergeProfile(base: Profile, user: UserProfile, name: string): Profile {
  const rules = { ...base.rules }
  const ruleOptions = { ...base.ruleOptions }
  for (const [id, setting] of Object.entries(user.rules ?? {}) as Array<[RuleId, RuleLevel | UserRuleSetting]>) {
    if (typeof setting === 'string') {
      rules[id] = setting
      continue
    }
    const { level, ...options } = setting
    // Options without a level turn the rule on at the level it had, else its default.
    rules[id] = level ?? (rules[id] && rules[id] !== 'off' ? rules[id] : DEFAULT_RULE_LEVELS[id])
    ruleOptions[id] = { ...ruleOptions[id], ...options }
  }
  return {
    name,
    paths: user.paths ?? base.paths,
    frontMatter: user.frontMatter ?? base.frontMatter,
    rules,
    ruleOptions,
    frontMatterDate: user.frontMatterDate === undefined ? base.frontMatterDate : user.frontMatterDate,
    requiredSections: user.requiredSections?.map(toRequiredSection) ?? base.requiredSections,
    minuteTaker: { ...base.minuteTaker, ...user.minuteTaker },
    ...meetingLoop(user, base),
    ...((user.kind ?? base.kind) === 'running' ? { kind: 'running' as const } : {}),
  }
}

/** `template` and `agendaLabel` (for `minutes-check next`), kept from the base profile unless written; absent when neither says. */
function meetingLoop(user: UserProfile, base: Profile): Pick<Profile, 'template' | 'agendaLabel'> {
  const template = user.template === undefined ? base.template : user.template
  const agendaLabel = user.agendaLabel === undefined ? base.agendaLabel : user.agendaLabel
  return { ...(template !== undefined ? { template } : {}), ...(agendaLabel !== undefined ? { agendaLabel } : {}) }
}

function toRequiredSection(entry: string | { name: string; aliases?: string[]; satisfiedByTeamSections?: boolean }): RequiredSection {
  if (typeof entry === 'string') return { name: entry, aliases: [], satisfiedByTeamSections: false }
  return { name: entry.name, aliases: entry.aliases ?? [], satisfiedByTeamSections: entry.satisfiedByTeamSections ?? false }
}

import { RULE_IDS, type RuleId, type RuleLevel } from '../constants.js'
import type { Config, FileLimits, Profile } from './types.js'

/**
 * One way a changed configuration (or suppressions file) checks less than the one it
 * replaces: what a reviewer must see before merging a pull request that makes it.
 */
export type Weakening =
  /** A rule the profile ran no longer runs. */
  | { kind: 'rule-off'; profile: string; rule: RuleId; was: RuleLevel }
  /** A rule reports at a lower severity (an error that no longer blocks the merge). */
  | { kind: 'rule-lowered'; profile: string; rule: RuleId; was: RuleLevel; now: RuleLevel }
  /** A per-file budget raised: a file may cost more before it is stopped. */
  | { kind: 'limit-raised'; limit: keyof FileLimits; was: number; now: number }
  /** A glob added to `exclude`: files it matches are no longer checked. */
  | { kind: 'exclude-added'; pattern: string }
  /** Globs a profile no longer applies to. */
  | { kind: 'paths-removed'; profile: string; paths: string[] }
  /** A new profile, tried before the built-in ones, and the rules it does not run. */
  | { kind: 'profile-added'; profile: string; paths: string[]; off: RuleId[] }
  /** Sections a profile no longer requires. */
  | { kind: 'sections-dropped'; profile: string; sections: string[] }
  /** Hosts removed from `externalImages.hosts`: `external-image-copied` no longer checks their pictures. */
  | { kind: 'image-hosts-removed'; hosts: string[] }
  /** More phrases that stand for "no minutes" (fewer `team-minutes-missing` findings). */
  | { kind: 'placeholders-added'; phrases: string[] }
  /** A file's findings of a rule accepted, or more of them than before. */
  | { kind: 'suppression-added'; path: string; rule: string; was: number; now: number }

/** A suppressions file's counts (`report/suppressions.ts`): per file and rule, how many findings are accepted. */
type Suppressions = Readonly<Record<string, Readonly<Record<string, { count: number }>>>>

/** What a pull request changes in the configuration, weakest first. */
export interface ConfigComparison {
  /** Each thing switched off, lowered, raised, narrowed or accepted. */
  weakenings: Weakening[]
  /** Other settings that differ (e.g. `actionItems.people`, `profiles.weekly.ruleOptions`), named by key. */
  otherChanges: string[]
}

/** Severity order: a rule moved down it reports less. */
const RANK: Record<RuleLevel, number> = { off: 0, info: 1, warning: 2, error: 3 }

/** The settings compared one by one below; every other key is compared whole. */
const COMPARED = new Set(['profiles', 'limits', 'exclude', 'placeholders', 'externalImages'])
const PROFILE_COMPARED = new Set(['name', 'rules', 'paths', 'requiredSections'])

/**
 * Compares two resolved configurations (and suppressions): `base` is the one the pull
 * request's target branch has, `head` the one it proposes. Pure; stricter settings (a rule
 * raised, a budget lowered, more paths) are not weakenings and are not listed.
 */
export function compareConfig(base: Config, head: Config, suppressions: { base: Suppressions; head: Suppressions } = { base: {}, head: {} }): ConfigComparison {
  const weakenings: Weakening[] = []
  const otherChanges: string[] = []
  for (const profile of head.profiles) {
    const before = base.profiles.find((each) => each.name === profile.name)
    if (before) weakenings.push(...compareProfile(before, profile, otherChanges))
    else weakenings.push({ kind: 'profile-added', profile: profile.name, paths: profile.paths, off: RULE_IDS.filter((rule) => level(profile, rule) === 'off') })
  }
  for (const limit of Object.keys(head.limits) as Array<keyof FileLimits>) {
    if (head.limits[limit] > base.limits[limit]) weakenings.push({ kind: 'limit-raised', limit, was: base.limits[limit], now: head.limits[limit] })
  }
  for (const pattern of added(base.exclude, head.exclude)) weakenings.push({ kind: 'exclude-added', pattern })
  const phrases = added(base.placeholders, head.placeholders)
  if (phrases.length > 0) weakenings.push({ kind: 'placeholders-added', phrases })
  const hosts = added(head.externalImages.hosts, base.externalImages.hosts)
  if (hosts.length > 0) weakenings.push({ kind: 'image-hosts-removed', hosts })
  weakenings.push(...compareSuppressions(suppressions.base, suppressions.head))
  for (const key of Object.keys(head) as Array<keyof Config>) {
    if (key === 'actionItems') otherChanges.push(...differingKeys(base.actionItems, head.actionItems, 'actionItems.'))
    // Hosts are compared one by one above (one added checks more); the folder and size limit are named by key.
    else if (key === 'externalImages') otherChanges.push(...differingKeys(base.externalImages, head.externalImages, 'externalImages.', ['hosts']))
    else if (!COMPARED.has(key) && !same(base[key], head[key])) otherChanges.push(key)
  }
  return { weakenings, otherChanges }
}

function compareProfile(base: Profile, head: Profile, otherChanges: string[]): Weakening[] {
  const profile = head.name
  const found: Weakening[] = []
  for (const rule of RULE_IDS) {
    const was = level(base, rule)
    const now = level(head, rule)
    if (now === 'off' && was !== 'off') found.push({ kind: 'rule-off', profile, rule, was })
    else if (RANK[now] < RANK[was]) found.push({ kind: 'rule-lowered', profile, rule, was, now })
  }
  const paths = added(head.paths, base.paths)
  if (paths.length > 0) found.push({ kind: 'paths-removed', profile, paths })
  const sections = added(
    head.requiredSections.map((section) => section.name),
    base.requiredSections.map((section) => section.name),
  )
  if (sections.length > 0) found.push({ kind: 'sections-dropped', profile, sections })
  for (const key of Object.keys(head) as Array<keyof Profile>) {
    if (!PROFILE_COMPARED.has(key) && !same(base[key], head[key])) otherChanges.push(`profiles.${profile}.${key}`)
  }
  return found
}

function compareSuppressions(base: Suppressions, head: Suppressions): Weakening[] {
  const found: Weakening[] = []
  for (const [path, rules] of Object.entries(head)) {
    for (const [rule, { count }] of Object.entries(rules)) {
      const was = base[path]?.[rule]?.count ?? 0
      if (count > was) found.push({ kind: 'suppression-added', path, rule, was, now: count })
    }
  }
  return found
}

function level(profile: Profile, rule: RuleId): RuleLevel {
  return profile.rules[rule] ?? 'off'
}

/** The entries of `after` that `before` does not hold, in `after`'s order. */
function added(before: readonly string[], after: readonly string[]): string[] {
  const known = new Set(before)
  return [...new Set(after)].filter((entry) => !known.has(entry))
}

/** The keys whose values differ, each prefixed (`actionItems.people`); `except`: keys compared elsewhere. */
function differingKeys<T extends object>(base: T, head: T, prefix: string, except: ReadonlyArray<keyof T> = []): string[] {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])] as Array<keyof T>
  return keys.filter((key) => !except.includes(key) && !same(base[key], head[key])).map((key) => `${prefix}${String(key)}`)
}

/** Equal as data, whatever the order of object keys. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, each: unknown) =>
    each && typeof each === 'object' && !Array.isArray(each) ? Object.fromEntries(Object.entries(each).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : each,
  )
}

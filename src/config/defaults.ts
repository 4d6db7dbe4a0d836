import { DEFAULT_ACTION_ITEM_GRAMMAR } from '../action-items/index.js'
import { RULE_IDS, type RuleId, type RuleLevel } from '../constants.js'
import { DEFAULT_DATE_PATTERNS } from '../repo/date-patterns.js'
import type { Config, ExternalImageSettings, FileLimits, Profile } from './types.js'

/** Per-file budgets: far above any real minutes (the largest real file is 40 KB, nesting 4, at most 10 action items). */
export const DEFAULT_LIMITS: FileLimits = { maxFileBytes: 1_000_000, maxFileSeconds: 5, maxNesting: 100, maxActionItems: 1000 }

/** Pictures on other hosts: none named, so `external-image-copied` checks nothing until configured. */
export const DEFAULT_EXTERNAL_IMAGES: ExternalImageSettings = { hosts: [], folder: null, maxBytes: 10_000_000 }

/** The level of each rule where a profile turns it on without saying how loud. */
export const DEFAULT_RULE_LEVELS: Record<RuleId, RuleLevel> = {
  'title-date': 'error',
  'title-heading': 'warning',
  'title-date-matches-filename': 'error',
  'required-section': 'error',
  'minute-taker': 'error',
  'team-minutes-link': 'warning',
  'team-minutes-missing': 'warning',
  'link-target-exists': 'error',
  'external-image-copied': 'warning',
  encoding: 'error',
}

function levels(ids: RuleId[]): Partial<Record<RuleId, RuleLevel>> {
  return Object.fromEntries(ids.map((id) => [id, DEFAULT_RULE_LEVELS[id]]))
}

/**
 * A profile with every rule at its default level and nothing required: what a new profile
 * in a configuration file starts from when it extends no other.
 */
export function defaultProfile(name: string): Profile {
  return {
    name,
    paths: [],
    frontMatter: {},
    rules: levels([...RULE_IDS]),
    ruleOptions: {},
    frontMatterDate: null,
    requiredSections: [],
    minuteTaker: { section: 'Meta', labels: [] },
  }
}

/** Slide decks (front matter `type: slide`): no minutes structure, only links and encoding. */
const slides: Profile = {
  ...defaultProfile('slides'),
  paths: ['**/*.md'],
  frontMatter: { type: 'slide' },
  rules: levels(['link-target-exists', 'external-image-copied', 'encoding']),
}

/** The weekly call (`community-call/YYYYMMDD.md`): the full structure. */
const weekly: Profile = {
  ...defaultProfile('weekly'),
  paths: ['community-call/YYYYMMDD.md', 'community-call/YYYY-MM-DD.md'],
  requiredSections: [
    { name: 'Meta', aliases: [], satisfiedByTeamSections: false },
    {
      name: 'Team updates',
      aliases: ['Updates from the teams', 'Team reports'],
      satisfiedByTeamSections: true,
    },
  ],
  minuteTaker: { section: 'Meta', labels: ['Minutes', 'Minute taker', 'Minute-taker', 'Minutes by', 'Notes'] },
}

/** Each team's regular minutes (`iaas/20230322.md`, `sig-release/2023-09-14.md`, `2026/05/06.md`): a dated title, links, encoding. */
const team: Profile = {
  ...defaultProfile('team'),
  paths: ['**/YYYYMMDD.md', '**/YYYY-MM-DD.md', '**/YYYY/MM/DD.md', '**/YYYY/MM-DD.md'],
  rules: levels(['title-date', 'title-heading', 'title-date-matches-filename', 'link-target-exists', 'external-image-copied', 'encoding']),
}

/**
 * Special meetings, whose path holds the date but whose title often does not: a suffix
 * (`container/20220808-overflow.md`, `ops/20240614-postmortem-zuul-incident.md`) or a dated
 * folder (`hackathons/2022-09-27-gx-hackathon-5/minutes.md`). A date in the title must agree
 * with the path's.
 */
const special: Profile = {
  ...defaultProfile('special'),
  paths: ['**/YYYYMMDD-*.md', '**/YYYY-MM-DD-*.md', '**/YYYY-MM-DD-*/**/*.md', '**/YYYY-MM-DD/**/*.md'],
  rules: levels(['title-date-matches-filename', 'link-target-exists', 'external-image-copied', 'encoding']),
}

/** Every other Markdown file (READMEs, notes, agendas, templates): links and encoding, as a link checker would. */
const notes: Profile = {
  ...defaultProfile('notes'),
  paths: ['**/*.md'],
  rules: levels(['link-target-exists', 'external-image-copied', 'encoding']),
}

/** The names of the built-in profiles, in the order they are tried (after any front matter condition). */
export const BUILT_IN_PROFILE_NAMES = ['slides', 'weekly', 'team', 'special', 'notes'] as const

/** Built-in configuration: fits the real minutes repository with no configuration file. */
export const DEFAULT_CONFIG: Config = {
  repository: null,
  profiles: [slides, weekly, team, special, notes],
  teams: [],
  placeholders: [
    'none',
    'none yet',
    'none present yet',
    'not present yet',
    'not merged yet',
    'not available yet',
    'minutes not available yet',
    'not yet available',
    'n/a',
    'tbd',
    'to be added',
    'missing',
  ],
  teamMinutesWindow: { daysBefore: 6, daysAfter: 1 },
  datePatterns: [...DEFAULT_DATE_PATTERNS],
  exclude: ['node_modules/**', '.github/**'],
  actionItems: { label: 'action-item', teamLabel: null, grammar: DEFAULT_ACTION_ITEM_GRAMMAR, people: {}, since: null },
  limits: DEFAULT_LIMITS,
  externalImages: DEFAULT_EXTERNAL_IMAGES,
}

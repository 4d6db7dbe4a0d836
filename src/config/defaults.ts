import { DEFAULT_ACTION_ITEM_GRAMMAR } from '../action-items/index.js'
import type { RuleId, RuleLevel } from '../constants.js'
import type { Config, FileLimits, Profile } from './types.js'

/** Per-file budgets: far above any real minutes (the largest real file is 40 KB, nesting 4). */
export const DEFAULT_LIMITS: FileLimits = { maxFileBytes: 1_000_000, maxFileSeconds: 5, maxNesting: 100 }

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
  encoding: 'error',
}

function levels(ids: RuleId[]): Partial<Record<RuleId, RuleLevel>> {
  return Object.fromEntries(ids.map((id) => [id, DEFAULT_RULE_LEVELS[id]]))
}

const DATED_FILE = '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9].md'

/** Slide decks (front matter `type: slide`): no minutes structure, only links and encoding. */
const slides: Profile = {
  name: 'slides',
  paths: ['**/*.md'],
  frontMatter: { type: 'slide' },
  rules: levels(['link-target-exists', 'encoding']),
  requiredSections: [],
  minuteTaker: { section: 'Meta', labels: [] },
}

/** The weekly call (`community-call/YYYYMMDD.md`): the full structure. */
const weekly: Profile = {
  name: 'weekly',
  paths: [`community-call/${DATED_FILE}`],
  frontMatter: {},
  rules: levels([
    'title-date',
    'title-heading',
    'title-date-matches-filename',
    'required-section',
    'minute-taker',
    'team-minutes-link',
    'team-minutes-missing',
    'link-target-exists',
    'encoding',
  ]),
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

/** Each team's own minutes (`<team-folder>/YYYYMMDD.md`): a dated title, links, encoding. */
const team: Profile = {
  name: 'team',
  paths: [`*/${DATED_FILE}`],
  frontMatter: {},
  rules: levels(['title-date', 'title-heading', 'title-date-matches-filename', 'link-target-exists', 'encoding']),
  requiredSections: [],
  minuteTaker: { section: 'Meta', labels: [] },
}

/** Built-in configuration: fits the real minutes repository with no configuration file. */
export const DEFAULT_CONFIG: Config = {
  repository: null,
  profiles: [slides, weekly, team],
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
  suggestWithinDays: 3,
  exclude: ['**/README.md', 'node_modules/**', '.github/**'],
  actionItems: { label: 'action-item', teamLabel: null, grammar: DEFAULT_ACTION_ITEM_GRAMMAR, people: {}, since: null },
  limits: DEFAULT_LIMITS,
}

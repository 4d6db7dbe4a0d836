import type { ActionItemGrammar } from '../action-items/index.js'
import type { RuleId, RuleLevel } from '../constants.js'

/** A section every file of a profile must have, with the headings accepted for it. */
export interface RequiredSection {
  /** The name used in messages, e.g. `Team updates`. */
  name: string
  /** Other headings accepted for it; matching ignores case and surrounding punctuation. */
  aliases: string[]
  /** Team sections written directly at level 2 (no wrapper heading) satisfy it. */
  satisfiedByTeamSections: boolean
}

/** Options of one rule, as written under it (`link-target-exists: {level: error, suggestWithinDays: 3}`). */
export type RuleOptions = Record<string, unknown>

/** Which files a profile applies to, and which rules run on them. */
export interface Profile {
  name: string
  /**
   * Path globs (picomatch, relative to the repository root, `/` separators); the tokens
   * `YYYY`, `MM`, `DD` stand for digits (`meetings/YYYY-MM-DD.md`).
   */
  paths: string[]
  /** Front matter keys and values a file must have; a profile with it is tried first. */
  frontMatter: Record<string, string>
  /** Level of every rule; a rule missing here is off for this profile. */
  rules: Partial<Record<RuleId, RuleLevel>>
  /** Options of the rules that take some (`link-target-exists`: `suggestWithinDays`); `{}` when none. */
  ruleOptions: Partial<Record<RuleId, RuleOptions>>
  /** A front matter key holding the meeting date (`date`), used when the path holds none; null: none. */
  frontMatterDate: string | null
  requiredSections: RequiredSection[]
  /** The section that names the minute-taker (`Meta`), and the labels that do (`Minutes:`). */
  minuteTaker: { section: string; labels: string[] }
  /** The file the next meeting's minutes start from (`community-call/template.md`), for `minutes-check next`; absent or null: `template.md` of the series' folder, else the series' history. */
  template?: string | null
  /** Open issues and pull requests with this label go on the next meeting's agenda; absent or null: none. */
  agendaLabel?: string | null
  /** `running`: one file holds many meetings, one per dated heading (`# **2024-12-10**`); absent: one meeting per file. */
  kind?: ProfileKind
}

/** How a profile's files hold meetings: one per file, or one per dated section of a running file. */
export type ProfileKind = 'meeting' | 'running'

/** A team heading mapped by hand to the folder holding that team's minutes. */
export interface TeamMapping {
  /** The heading, compared case-insensitively without the leading `Team`/`SIG` words kept. */
  heading: string
  folder: string
}

/** The resolved configuration the engine runs with. */
export interface Config {
  /** `owner/repo` whose absolute GitHub links are checked against the files; null: none. */
  repository: string | null
  profiles: Profile[]
  teams: TeamMapping[]
  /** Phrases that stand for "no minutes" after `Minutes:`, compared case-insensitively. */
  placeholders: string[]
  /** A team's minutes belong to a weekly call when dated this many days before to after it. */
  teamMinutesWindow: { daysBefore: number; daysAfter: number }
  /** Where dates stand in paths: globs with the tokens YYYY, MM, DD (see repo/date-patterns.ts). */
  datePatterns: string[]
  /** Globs of files never checked. */
  exclude: string[]
  actionItems: ActionItemSettings
  /** What one file may cost; beyond it the file gets one finding instead of a check. */
  limits: FileLimits
  externalImages: ExternalImageSettings
}

/** Pictures linked on other hosts (a meeting pad's uploads) that the repository keeps copies of. */
export interface ExternalImageSettings {
  /** Hosts (`input.scs.community`, lower case, a port when not the default) whose pictures need a copy; none: the rule checks nothing. */
  hosts: string[]
  /** Where the copy lives, relative to the minutes' folder (`images`); null: the minutes' folder itself. */
  folder: string | null
  /** `fetch-images` refuses a larger download. */
  maxBytes: number
}

/** Budgets per file (issue 10): a hostile or unlucky file never hangs or sinks a run. */
export interface FileLimits {
  /** Larger files get one `file-too-large` finding and are not parsed. */
  maxFileBytes: number
  /** A file that takes longer (in a worker) gets one `file-too-complex` finding; its worker is replaced. */
  maxFileSeconds: number
  /** Lists and block quotes nested deeper get one `file-too-complex` finding before parsing. */
  maxNesting: number
  /** More action items in one file: one `too-many-action-items` finding, and none of them become issues. */
  maxActionItems: number
}

/** How action items are found and kept as issues. */
export interface ActionItemSettings {
  /** Label of every action-item issue; issues are found by it. */
  label: string
  /** Per-team label with `{series}` for the meeting series (the minutes' folder); null: none. */
  teamLabel: string | null
  grammar: ActionItemGrammar
  /** Names written without a handle (`AI Sam: …`) → GitHub logins; none when absent. */
  people?: Record<string, string>
  /** `YYYY-MM-DD`: open items from meetings before this day never become issues; null: all do. */
  since: string | null
}

/** The configuration file as a user writes it (`.github/minutes.yml`); every key optional. */
export interface UserConfig {
  $schema?: string
  repository?: string
  datePatterns?: string[]
  profiles?: Record<string, UserProfile>
  teams?: TeamMapping[]
  placeholders?: string[]
  teamMinutesWindow?: { daysBefore?: number; daysAfter?: number }
  /** Deprecated: `link-target-exists: {suggestWithinDays: N}` under a profile's rules. */
  suggestWithinDays?: number
  exclude?: string[]
  actionItems?: { label?: string; teamLabel?: string | null; grammar?: Partial<ActionItemGrammar>; people?: Record<string, string>; since?: string }
  limits?: Partial<FileLimits>
  externalImages?: { hosts?: string[]; folder?: string | null; maxBytes?: number }
}

/** A profile as written in the configuration file: merged over the built-in one of that name. */
export interface UserProfile {
  extends?: string
  paths?: string[]
  frontMatter?: Record<string, string>
  frontMatterDate?: string | null
  rules?: Partial<Record<RuleId, RuleLevel | UserRuleSetting>>
  requiredSections?: Array<string | { name: string; aliases?: string[]; satisfiedByTeamSections?: boolean }>
  minuteTaker?: { section?: string; labels?: string[] }
  template?: string | null
  agendaLabel?: string | null
  kind?: ProfileKind
}

/** A rule written with options: the level (optional: kept, or the rule's default) and the options. */
export interface UserRuleSetting {
  level?: RuleLevel
  [option: string]: unknown
}

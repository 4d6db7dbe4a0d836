/**
 * One source of truth for the names the outside world sees: rule ids, severities,
 * action inputs and outputs. README tables and action.yml are checked against these.
 */

/** Every rule id, in the order the docs list them. */
export const RULE_IDS = [
  'title-date',
  'title-heading',
  'title-date-matches-filename',
  'required-section',
  'minute-taker',
  'team-minutes-link',
  'team-minutes-missing',
  'link-target-exists',
  'external-image-copied',
  'encoding',
] as const

export type RuleId = (typeof RULE_IDS)[number]

/**
 * Findings the engine itself reports when a file cannot be checked as minutes (it is too
 * large, too deeply nested or too slow, or something failed): one finding instead of the
 * rules' findings; and when it holds more action items than its budget (beside the rules'
 * findings). Not rules: no profile turns them off. Documented in docs/performance.md.
 */
export const ENGINE_FINDINGS = {
  'file-too-large': 'The file is larger than the size budget (`limits.maxFileBytes`); it is not parsed.',
  'file-too-complex':
    'The file nests lists, block quotes or emphasis deeper than `limits.maxNesting`, or took longer than `limits.maxFileSeconds` to check; it is not checked.',
  'too-many-action-items':
    'The file holds more action items than `limits.maxActionItems`; none of them are kept as issues (the rules\' findings stand).',
  'file-unreadable': 'The file could not be read.',
  internal: 'Checking the file failed unexpectedly; the other files are still checked. Please report it.',
} as const

export type EngineFindingId = keyof typeof ENGINE_FINDINGS

/** Every engine finding id, in the order the docs list them. */
export const ENGINE_FINDING_IDS = Object.keys(ENGINE_FINDINGS) as EngineFindingId[]

/** Severities of a finding, strongest first. `off` only appears in configuration. */
export const SEVERITIES = ['error', 'warning', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]
export type RuleLevel = Severity | 'off'

/** Where the docs of a rule live; used as the `url` of every message. */
export const DOCS_URL = 'https://github.com/minutes-automation/minutes-automation/blob/main/docs/rules.md'

/** Names of the action's inputs, as in action.yml. */
export const INPUTS = {
  githubToken: 'github-token',
  config: 'config',
  paths: 'paths',
  failOn: 'fail-on',
  createIssues: 'create-issues',
  dryRun: 'dry-run',
  comment: 'comment',
  maxNewIssues: 'max-new-issues',
  maxClosesAndReopens: 'max-closes-and-reopens',
  scope: 'scope',
  prepareNext: 'prepare-next',
  dashboard: 'dashboard',
  dashboardTitle: 'dashboard-title',
} as const

/** The dashboard issue's title unless `dashboard-title` says otherwise. */
export const DEFAULT_DASHBOARD_TITLE = 'Open action items'

/** Issues one run creates at most, unless `max-new-issues` says otherwise. */
export const DEFAULT_MAX_NEW_ISSUES = 20

/** Issues one run closes and reopens at most (together), unless `max-closes-and-reopens` says otherwise. */
export const DEFAULT_MAX_CLOSES_AND_REOPENS = 20

/** Names of the action's outputs, as in action.yml. */
export const OUTPUTS = {
  errors: 'errors',
  warnings: 'warnings',
  findings: 'findings',
  actionItems: 'action-items',
  createdIssues: 'created-issues',
  closedIssues: 'closed-issues',
  commentUrl: 'comment-url',
  dashboardUrl: 'dashboard-url',
  reportFile: 'report-file',
  preparedFile: 'prepared-file',
} as const

/** When action items become issues: after merge (push to the default branch), always, or never. */
export const CREATE_ISSUES = ['on-merge', 'always', 'never'] as const
export type CreateIssues = (typeof CREATE_ISSUES)[number]

/**
 * What a run checks: the files a change touches (and those linking what it removed), or the
 * whole repository. Default: `changed` on pull requests and pushes, `all` otherwise.
 */
export const SCOPES = ['changed', 'all'] as const
export type Scope = (typeof SCOPES)[number]

/** Fail-on thresholds shared by the CLI and the action. */
export const FAIL_ON = ['error', 'warning', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

/** Where the configuration file lives by default, relative to the repository root. */
export const DEFAULT_CONFIG_PATH = '.github/minutes.yml'

/** The bulk suppressions file (`minutes-check --suppress-all`), relative to the repository root. */
export const SUPPRESSIONS_PATH = '.github/minutes-suppressions.json'
/** The configuration files read when none is named: `.yml`, or else `.yaml`. */
export const CONFIG_PATHS = [DEFAULT_CONFIG_PATH, '.github/minutes.yaml'] as const

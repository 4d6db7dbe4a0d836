import { resolve } from 'node:path'
import { checkWorkspace } from '../check/check-repository.js'
import { DEFAULT_MAX_CLOSES_AND_REOPENS, DEFAULT_MAX_NEW_ISSUES } from '../constants.js'
import { logLine } from '../markup/log-line.js'
import { plural } from '../report/findings.js'
import { latestOccurrences } from '../plan/occurrences.js'
import { countChanges, isDoneWithoutIssue, planIssues, type IssueChange, type KnownIssue } from '../plan/plan-issues.js'
import type { CliIO } from './main.js'
import { UsageError, parseOptions } from './parse-cli-args.js'

export const PLAN_USAGE = `Usage: minutes-check plan [--root DIR] [--config FILE] [--repository OWNER/REPO] [--all]
                          [--max-new-issues N] [--max-closes-and-reopens N] [--format text|json]

Prints which issues the action items of the repository's minutes would create, keep, close
and reopen, as the action plans them on a push to the default branch: actionItems.since and
max-new-issues applied. With GITHUB_TOKEN set and the repository known (--repository or
\`repository:\` in the configuration) the issues on GitHub are read and the plan is exact;
without, the plan is made from the minutes alone and says "offline: issues on GitHub not read".
Items of meetings before actionItems.since are only counted, as in the pull request's comment
(after \`minutes-check init\` they are most of the history); --all lists them too.

Options:
  --root DIR                 repository root (default: the current folder)
  --config FILE              configuration file (default: ROOT/.github/minutes.yml or .yaml if present)
  --repository OWNER/REPO    repository whose issues are read (default: the config's)
  --max-new-issues N         as the action's input (default ${DEFAULT_MAX_NEW_ISSUES})
  --max-closes-and-reopens N as the action's input (default ${DEFAULT_MAX_CLOSES_AND_REOPENS})
  --all                      list the items before actionItems.since too (default: counted only)
  --format text|json         output format (default: text; JSON lists every item)
  -h, --help                 show this help
`

interface PlanOptions {
  root: string
  config: string | null
  repository: string | null
  maxNewIssues: number
  maxClosesAndReopens: number
  format: 'text' | 'json'
  /** List the items before `since` one by one in the text output (JSON always lists them). */
  all: boolean
  help: boolean
}

/** One line of the plan, for text and JSON alike. */
interface PlannedChange {
  kind: IssueChange['kind']
  path: string | null
  line: number | null
  title: string
  issue: number | null
}

/** Runs `minutes-check plan`: 0 printed, 2 usage or configuration error (thrown to `runCli`). */
export async function runPlan(argv: string[], io: CliIO): Promise<number> {
  const options = parsePlanArgs(argv, io.cwd)
  if (options.help) {
    io.stdout(PLAN_USAGE)
    return 0
  }
  const root = resolve(io.cwd, options.root)
  // Its notices are about checking links, which `plan` does not report: not printed.
  const { report, config } = await checkWorkspace({
    root,
    configPath: options.config && resolve(io.cwd, options.config),
    patterns: [],
    repository: options.repository,
    workerScript: io.workerScript ?? null,
    jobs: null,
  })
  const env = io.env ?? {}
  const token = env.GITHUB_TOKEN ?? ''
  const repository = options.repository ?? config.repository
  const { label, teamLabel, since } = config.actionItems
  const known = token !== '' && repository !== null ? await readKnownIssues(token, repository, label, env, io) : null
  const changes = planIssues(latestOccurrences(report), known ?? [], {
    label,
    teamLabel,
    // Issue bodies are not shown; the links they would hold do not change the plan.
    links: { serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', repository: repository ?? 'OWNER/REPO', sha: 'HEAD' },
    since,
    maxNewIssues: options.maxNewIssues,
    maxClosesAndReopens: options.maxClosesAndReopens,
  })
  const source = known === null ? `offline: issues on GitHub not read; ${token === '' ? 'set GITHUB_TOKEN' : 'name the repository with --repository'} for the exact plan` : `${repository ?? ''}: ${plural(known.length, 'action-item issue')} read`
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ version: 1, offline: known === null, repository, since, maxNewIssues: options.maxNewIssues, counts: countChanges(changes), changes: changes.map(describeChange) }, null, 2)}\n`)
    return 0
  }
  const lines = [`Action items → issues (${source}):`]
  // As the PR comment: items before `since` are only counted; on a first run they are most of the history.
  for (const original of options.all ? changes : changes.filter((change) => change.kind !== 'before-since')) {
    const change = describeChange(original)
    const where = change.path === null ? '' : `${change.path}:${change.line ?? 1} `
    const issue = change.issue === null ? '' : `#${change.issue} `
    // A done item that never needed an issue is not "kept": there is none.
    const word = isDoneWithoutIssue(original) ? 'done, no issue' : KIND_WORDS[change.kind]
    lines.push(logLine(`${word.padEnd(14)} ${issue}${where}${change.title}`))
  }
  const counts = countChanges(changes)
  // As the lines say: a done item with no issue leaves nothing unchanged.
  const doneWithoutIssue = changes.filter(isDoneWithoutIssue).length
  lines.push(
    `${counts.create} to create, ${counts.close + counts['close-duplicate']} to close, ${counts.reopen} to reopen, ${counts.unchanged - doneWithoutIssue} unchanged, ${doneWithoutIssue} done with no issue; ` +
      `${counts['held-back'] + counts['held-back-close'] + counts['held-back-reopen']} held back (max-new-issues: ${options.maxNewIssues}, max-closes-and-reopens: ${options.maxClosesAndReopens}), ` +
      // Without a since, "0 before since" would name a setting the user never met.
      `${since ? `${counts['before-since']} before since (${since})` : 'no actionItems.since: open items of every meeting count'}.`,
  )
  if (!options.all && counts['before-since'] > 0) lines.push('Items before since are counted, not listed; --all lists them.')
  io.stdout(`${lines.join('\n')}\n`)
  return 0
}

const KIND_WORDS: Readonly<Record<IssueChange['kind'], string>> = {
  create: 'create',
  close: 'close',
  reopen: 'reopen',
  unchanged: 'keep',
  'close-duplicate': 'close (dup.)',
  'held-back': 'held back',
  'held-back-close': 'close later',
  'held-back-reopen': 'reopen later',
  'before-since': 'before since',
}

function describeChange(change: IssueChange): PlannedChange {
  if (change.kind === 'close-duplicate') return { kind: change.kind, path: null, line: null, title: `${change.issue.title} (duplicate of #${change.duplicateOf.number})`, issue: change.issue.number }
  const { occurrence } = change
  const issue = 'issue' in change && change.issue ? change.issue : null
  const title = 'title' in change ? change.title : issue ? issue.title : occurrence.item.text
  return { kind: change.kind, path: occurrence.path, line: occurrence.item.line, title, issue: issue?.number ?? null }
}

/** The action-item issues on GitHub, as the action lists them; octokit loaded only here. */
async function readKnownIssues(token: string, repository: string, label: string, env: Readonly<Record<string, string | undefined>>, io: CliIO): Promise<KnownIssue[]> {
  const [{ createGitHubClient }, { listKnownIssues }] = await Promise.all([import('../github/client.js'), import('../github/known-issues.js')])
  const [owner = '', repo = ''] = repository.split('/')
  const { client } = createGitHubClient({ token, baseUrl: env.GITHUB_API_URL || 'https://api.github.com', warn: (message) => io.stderr(`minutes-check: ${message}\n`) })
  return listKnownIssues(client, { owner, repo }, label)
}

function parsePlanArgs(argv: string[], cwd: string): PlanOptions {
  const { values } = parseOptions(
    argv,
    {
      root: { type: 'string' },
      config: { type: 'string' },
      repository: { type: 'string' },
      'max-new-issues': { type: 'string' },
      'max-closes-and-reopens': { type: 'string' },
      all: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    false,
  )
  const count = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback
    const number = Number(value)
    if (!Number.isInteger(number) || number < 0) throw new UsageError(`--${name} must be a whole number, not “${value}”`)
    return number
  }
  const repository = values.repository ?? null
  if (repository !== null && !/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new UsageError(`--repository must be OWNER/REPO, not “${repository}”`)
  const format = values.format
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not “${format}”`)
  return {
    root: values.root ?? cwd,
    config: values.config ?? null,
    repository,
    maxNewIssues: count('max-new-issues', values['max-new-issues'], DEFAULT_MAX_NEW_ISSUES),
    maxClosesAndReopens: count('max-closes-and-reopens', values['max-closes-and-reopens'], DEFAULT_MAX_CLOSES_AND_REOPENS),
    format,
    all: values.all ?? false,
    help: values.help ?? false,
  }
}

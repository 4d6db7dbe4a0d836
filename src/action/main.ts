import * as core from '@actions/core'
import { ConfigError } from '../config/load-config.js'
import type { ActionItemSettings, Config } from '../config/types.js'
import { OUTPUTS } from '../constants.js'
import { apiReader } from '../github/api-reader.js'
import { MAX_ASSIGNEE_CHECKS, applyPlan } from '../github/apply-plan.js'
import type { ApplyResult } from '../plan/apply-result.js'
import { createGitHubClient, getErrorMessage, statusOf, type GitHubClient } from '../github/client.js'
import { listKnownIssues } from '../github/known-issues.js'
import { type ExistingComment, findSummaryComment, writeSummaryComment } from '../github/summary-comment.js'
import { latestOccurrences } from '../plan/occurrences.js'
import { countChanges, planIssues, type HeldBackStateChange, type IssueChange, type KnownIssue } from '../plan/plan-issues.js'
import { checkRepository } from '../check/check-repository.js'
import { localReader } from '../read/local-reader.js'
import { reachesFailOn } from '../report/fail-on.js'
import { formatText } from '../report/format-text.js'
import { scopeToChangedMeetings } from '../report/meeting-scope.js'
import type { RunReport } from '../report/types.js'
import type { SourceLinks } from '../markup/permalink.js'
import { planHeadline, renderSummary, type PlanTiming } from '../render/summary.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SuppressionsError } from '../report/suppressions.js'
import { ANNOTATION_LIMIT, emitAnnotations } from './annotations.js'
import { describeCounts } from '../report/findings.js'
import { JOB_SUMMARY_LIMIT, jobSummary } from './job-summary.js'
import { findingsOutput } from './report-outputs.js'
import { prepareNext } from './prepare-next.js'
import { changesOfRun } from './scope.js'
import { baseReader, changedCheckingFiles, configNotice, trustedConfiguration } from './pull-request-config.js'
import type { ConfigNotice } from '../render/config-notice.js'
import { type ActionSettings, SettingsError, readSettings } from './settings.js'
import { keepDashboard, startFindingDashboard } from './keep-dashboard.js'
import type { IssuesOfRun } from '../plan/issues-after-run.js'
import { minutesLog, type MinutesLog } from './minutes-log.js'

/**
 * The action: inputs → read the minutes (workspace, or the API for pull_request_target) →
 * check → annotations and outputs → action-item plan (carried out after merge) → summary
 * comment and job summary → result. Only the findings decide whether the step fails.
 */
export async function run(options: { workerScript?: string } = {}): Promise<void> {
  try {
    const settings = readSettings((name) => core.getInput(name), process.env)
    // Lines carrying text from the minutes go through this log: commands stopped, breaks escaped.
    const log = minutesLog(core.info)
    const { client, requests } = createGitHubClient({
      token: settings.token,
      baseUrl: settings.apiUrl,
      warn: (message) => core.warning(message),
      timeScale: settings.timeScale,
    })
    // Our earlier comment is looked up while the minutes are checked: one round trip less.
    const earlierComment = findComment(client, settings)
    const dashboard = keepsDashboard(settings) ? startFindingDashboard(client, settings) : null
    const { report, config, itemPaths, noMinutesChanged, notice } = await checkMinutes(client, settings, options.workerScript ?? null, log)
    const reportFile = await writeReportFile(settings, report)
    publishFindings(report, reportFile, log)

    const { plan, issues, listingFailed } = await planActionItems(client, settings, report, config.actionItems, itemPaths, log)
    // Without the listing (its failure was a warning already) the dashboard is left as it is.
    // The plan's listing, as the run's writes left it, serves the dashboard and prepare-next; a
    // run without one lists the issues once, when the first of them asks.
    const runIssues = issuesOfRun(client, settings, config.actionItems.label, issues)
    const kept = dashboard && !listingFailed ? await keepDashboard(client, settings, config.actionItems.label, sourceLinks(settings), runIssues, dashboard) : null
    await prepareNext(client, settings, config, runIssues)
    const summary = renderSummary({
      report,
      links: sourceLinks(settings),
      plan,
      failOn: settings.failOn,
      configNotice: notice,
    })
    if (noMinutesChanged) {
      // No "0 files checked" comment on a PR that touches no minutes: a notice says it.
      const message = `Pull request #${settings.event.pullRequest?.number} changes no minutes files: nothing to check.`
      core.notice(message)
      await core.summary.addRaw(`## Minutes check\n\n${message}\n`).write()
    } else {
      await core.summary.addRaw(jobSummary(summary, report, reportFile, JOB_SUMMARY_LIMIT, plan ? planHeadline(plan) : []) + dashboardNote(kept)).write()
      await postComment(client, settings, summary, earlierComment)
    }

    core.info(`GitHub API requests: ${requests.count}.`)
    if (reachesFailOn(report, settings.failOn)) {
      core.setFailed(`Minutes checks found ${describeCounts({ error: report.summary.errors, warning: report.summary.warnings, info: 0 })} (fail-on: ${settings.failOn}).`)
    }
  } catch (error) {
    if (error instanceof SettingsError || error instanceof ConfigError || error instanceof SuppressionsError) core.setFailed(error.message)
    else core.setFailed(`minutes-automation failed: ${getErrorMessage(error)}`)
  }
}

function fullName(settings: ActionSettings): string {
  return `${settings.repository.owner}/${settings.repository.repo}`
}

/** Links in the comment, job summary and issues point at the commit checked. */
function sourceLinks(settings: ActionSettings): SourceLinks {
  return { serverUrl: settings.serverUrl, repository: fullName(settings), sha: settings.sha }
}

/** What `checkMinutes` found, and which files' action items the run is about. */
interface CheckedMinutes {
  report: RunReport
  config: Config
  /** The files whose action items count (a change's); null: every checked file's. */
  itemPaths: ReadonlySet<string> | null
  /** A pull request that changes no minutes file (nor how they are checked): nothing was checked, no comment is due. */
  noMinutesChanged: boolean
  /** A pull request that changes the configuration or suppressions: what it switches off or raises. */
  notice: ConfigNotice | null
}

/**
 * Checks what the run is about (see docs/scope-and-suppression.md): with scope `changed`,
 * the change's files plus the files linking to what it removed; with `all`, every file.
 */
async function checkMinutes(client: GitHubClient, settings: ActionSettings, workerScript: string | null, log: MinutesLog): Promise<CheckedMinutes> {
  // pull_request_target runs with a writable token in the base repository: read the PR's
  // files as data through the API instead of checking out and trusting its workspace, and
  // check them with the base commit's configuration and suppressions, not the PR's own.
  const target = settings.event.name === 'pull_request_target'
  const reader = target ? apiReader(client, settings.repository, settings.sha) : localReader(settings.workspace)
  const changes = await changesOfRun(client, settings)
  core.info(changes.description)
  const base = settings.event.pullRequest ? baseReader(client, settings) : null
  if (target && !base) throw new Error('the pull_request_target event does not name the base commit (pull_request.base.sha), whose configuration the check must use')
  const touched = changedCheckingFiles(settings, changes.files)
  const trusted = target && base ? await trustedConfiguration(base, settings, touched) : null
  const limited = settings.scope === 'changed' && changes.files !== null
  if (settings.scope === 'changed' && changes.files === null) core.info('Scope `changed`, but the change cannot be told: checking every file.')
  const { report: whole, config, unmatchedPatterns, linkingFiles } = await checkRepository(reader, {
    configPath: settings.configPath,
    trusted,
    patterns: settings.patterns,
    onlyPaths: limited ? changes.files?.changed : null,
    removedPaths: limited ? changes.files?.removed : [],
    defaultRepository: fullName(settings),
    workerScript,
  })
  // A change to a running file is about the meetings it edits; its other meetings are old text.
  const report = limited && changes.files?.changedLines ? scopeToChangedMeetings(whole, changes.files.changedLines) : whole
  // A pattern of the `paths` input that matches nothing is a mistake in the workflow, as on the command line.
  for (const pattern of unmatchedPatterns) core.warning(`The \`paths\` input names “${pattern}”, which matches no minutes file of the repository; check the workflow.`)
  if (linkingFiles.length > 0) log([`Also checked, as they link to a file the change removed: ${linkingFiles.join(', ')}.`])
  core.info(`Scope ${settings.scope}: ${report.summary.files} file(s) checked.`)
  // One request or two (the base's files) and only when the PR touches them: said first in the comment.
  const notice = base && touched.length > 0 ? await configNotice({ settings, touched, base, head: reader, checkedWith: target ? 'base' : 'head' }) : null
  if (notice) {
    const weakenings = notice.comparison ? `: ${notice.comparison.weakenings.length} thing(s) switched off, lowered or raised` : ''
    core.warning(`This pull request changes ${touched.join(' and ')}${weakenings}; ${target ? "this run used the base branch's" : 'this run used the changed'} configuration. The summary comment lists what changes.`)
  }
  return {
    report,
    config,
    itemPaths: changes.files ? new Set(changes.files.changed) : null,
    noMinutesChanged: limited && settings.event.pullRequest !== null && report.summary.files === 0 && notice === null,
    notice,
  }
}

/** The whole report as a JSON file under RUNNER_TEMP, for actions/upload-artifact; null if it cannot be written. */
async function writeReportFile(settings: ActionSettings, report: RunReport): Promise<string | null> {
  const path = join(settings.runnerTemp, 'minutes-automation', 'minutes-report.json')
  try {
    await mkdir(join(settings.runnerTemp, 'minutes-automation'), { recursive: true })
    await writeFile(path, `${JSON.stringify(report, null, 2)}\n`)
    core.setOutput(OUTPUTS.reportFile, path)
    return path
  } catch (error) {
    core.warning(`Could not write the report file ${path}: ${getErrorMessage(error)}`)
    return null
  }
}

/** The findings in the log (commands stopped), then as annotations (commands resumed), then as outputs. */
function publishFindings(report: RunReport, reportFile: string | null, log: MinutesLog): void {
  log(formatText(report, { showSuppressed: true }).trimEnd().split('\n'))
  const omitted = emitAnnotations(report, { error: core.error, warning: core.warning, info: core.notice })
  for (const [level, count] of Object.entries(omitted)) {
    if (count > 0) core.info(`${count} more ${level} finding(s) are not shown as annotations (GitHub shows ${ANNOTATION_LIMIT} per level); see the log above.`)
  }
  core.setOutput(OUTPUTS.errors, report.summary.errors)
  core.setOutput(OUTPUTS.warnings, report.summary.warnings)
  const findings = findingsOutput(report, reportFile)
  if (findings.truncated) core.info(`The \`findings\` output is cut to stay under GitHub's 1 MB output limit (flag \`truncated\`); the report file has everything.`)
  core.setOutput(OUTPUTS.findings, findings.json)
}

/** Whether this run writes issues, or only shows what it would do. */
function planTiming(settings: ActionSettings): PlanTiming {
  if (settings.createIssues === 'never') return 'never'
  const { name, defaultBranch } = settings.event
  const merged = (name === 'push' && defaultBranch !== null && settings.ref === `refs/heads/${defaultBranch}`) || name === 'workflow_dispatch' || name === 'schedule'
  const writes = settings.createIssues === 'always' || merged
  if (!writes) return 'after-merge'
  return settings.dryRun ? 'dry-run' : 'now'
}

/**
 * The run's action-item issues: the plan's listing with its writes, else one listing made
 * when first asked for (a run with no action items in its files), shared by its callers.
 */
function issuesOfRun(client: GitHubClient, settings: ActionSettings, label: string, planned: IssuesOfRun | null): () => Promise<IssuesOfRun> {
  if (planned) return () => Promise.resolve(planned)
  let listing: Promise<IssuesOfRun> | null = null
  return () => (listing ??= listKnownIssues(client, settings.repository, label).then((known) => ({ known, changes: [], result: null })))
}

/** The dashboard is kept on the runs that write issues, never on a pull request's. */
function keepsDashboard(settings: ActionSettings): boolean {
  return settings.dashboard && planTiming(settings) === 'now' && !settings.event.name.startsWith('pull_request')
}

/** The job summary's line linking to the dashboard this run created or updated. */
function dashboardNote(kept: { url: string; action: string } | null): string {
  return kept && kept.action !== 'unchanged' ? `\n[Open action items](${kept.url}): the dashboard was ${kept.action}.\n` : ''
}

/**
 * The action-item plan. Items come from the files this run is about: a PR's changes, or a
 * push's (a change that cannot be told: all checked files); listing issues costs one request.
 */
async function planActionItems(client: GitHubClient, settings: ActionSettings, report: RunReport, config: ActionItemSettings, itemPaths: ReadonlySet<string> | null, log: MinutesLog) {
  const timing = planTiming(settings)
  const files = itemPaths ? report.files.filter((file) => itemPaths.has(file.path)) : report.files
  const occurrences = latestOccurrences({ ...report, files })
  core.setOutput(OUTPUTS.actionItems, JSON.stringify(occurrences.map(({ item, path, series }) => ({ ...item, path, series }))))
  if (occurrences.length === 0 || timing === 'never') {
    setIssueOutputs(null)
    return { plan: null, issues: null, listingFailed: false }
  }
  let changes: IssueChange[]
  let known: KnownIssue[]
  try {
    known = await listKnownIssues(client, settings.repository, config.label)
    changes = planIssues(occurrences, known, {
      label: config.label,
      teamLabel: config.teamLabel,
      links: sourceLinks(settings),
      since: config.since,
      // A dry run shows the whole backlog; a run that writes (or a PR's preview of one) is capped.
      maxNewIssues: timing === 'dry-run' ? null : settings.maxNewIssues,
      maxClosesAndReopens: timing === 'dry-run' ? null : settings.maxClosesAndReopens,
    })
  } catch (error) {
    core.warning(`Could not list the action-item issues, so no issues were planned: ${getErrorMessage(error)}`)
    setIssueOutputs(null)
    return { plan: null, issues: null, listingFailed: true }
  }
  logHeldBack(changes, settings.maxNewIssues, config.since, log)
  logHeldBackStateChanges(changes, settings.maxClosesAndReopens, log)
  const result = timing === 'now' ? await applyPlan(client, settings.repository, changes) : undefined
  if (result) reportApplied(result)
  setIssueOutputs(result ?? null)
  const issues: IssuesOfRun = { known, changes, result: result ?? null }
  return {
    plan: { changes, timing, since: config.since, maxNewIssues: settings.maxNewIssues, maxClosesAndReopens: settings.maxClosesAndReopens, ...(result ? { result } : {}) },
    issues,
    listingFailed: false,
  }
}

/** Says in the log which items wait for a later run, and how many predate `since`. */
function logHeldBack(changes: readonly IssueChange[], maxNewIssues: number, since: string | null, log: MinutesLog): void {
  const tally = countChanges(changes)
  if (tally['before-since'] > 0) core.info(`${tally['before-since']} open action item(s) from meetings before ${since ?? ''} are not tracked (actionItems.since).`)
  if (tally['held-back'] === 0) return
  core.info(`${tally['held-back']} action-item issue(s) held back (max-new-issues: ${maxNewIssues}); the next run goes on with them:`)
  const heldBack = changes.filter((change) => change.kind === 'held-back')
  log(heldBack.slice(0, HELD_BACK_LOG_LIMIT).map((change) => `  ${change.occurrence.path}:${change.occurrence.item.line} ${change.title}`))
  if (heldBack.length > HELD_BACK_LOG_LIMIT) core.info(`  … and ${heldBack.length - HELD_BACK_LOG_LIMIT} more (the \`action-items\` output lists every item).`)
}

/** Says in the log which closes and reopens wait for a later run (`max-closes-and-reopens`). */
function logHeldBackStateChanges(changes: readonly IssueChange[], max: number, log: MinutesLog): void {
  const heldBack = changes.filter((change): change is HeldBackStateChange => change.kind === 'held-back-close' || change.kind === 'held-back-reopen')
  if (heldBack.length === 0) return
  core.info(`${heldBack.length} close(s) and reopen(s) of action-item issues held back (max-closes-and-reopens: ${max}); the next run goes on with them:`)
  log(heldBack.slice(0, HELD_BACK_LOG_LIMIT).map((change) => `  ${change.kind === 'held-back-close' ? 'close' : 'reopen'} #${change.issue.number}: ${change.occurrence.path}:${change.occurrence.item.line}`))
  if (heldBack.length > HELD_BACK_LOG_LIMIT) core.info(`  … and ${heldBack.length - HELD_BACK_LOG_LIMIT} more.`)
}

/** Held-back items named in the log; a hostile file may hold thousands. */
const HELD_BACK_LOG_LIMIT = 50

function reportApplied(result: ApplyResult): void {
  core.info(`Action-item issues: created ${result.created.length}, closed ${result.closed.length}, reopened ${result.reopened.length}.`)
  if (result.uncheckedOwners > 0) {
    core.info(`${result.uncheckedOwners} owner(s) not assigned: a run checks at most ${MAX_ASSIGNEE_CHECKS} assignees (GitHub's request budget); the issues name them as text.`)
  }
  if (result.forbidden) {
    core.warning(`The token may not write issues (${result.forbidden}). Give the workflow \`permissions: issues: write\`; pull requests from forks get a read-only token.`)
  }
  for (const label of result.skippedLabels ?? []) {
    const purpose = label.description ? ` (described ${JSON.stringify(label.description)})` : ''
    core.warning(`The team label ${JSON.stringify(label.name)} was left off the new issues: the repository has a label of that name for another purpose${purpose}. Rename the folder, or change \`actionItems.teamLabel\`.`)
  }
  for (const failure of result.failed) core.warning(`Could not ${failure.change.kind} an action-item issue: ${failure.message}. A re-run finishes the job without duplicates.`)
}

function setIssueOutputs(result: ApplyResult | null): void {
  core.setOutput(OUTPUTS.createdIssues, JSON.stringify(result?.created.map((issue) => issue.number) ?? []))
  core.setOutput(OUTPUTS.closedIssues, JSON.stringify(result?.closed.map((issue) => issue.number) ?? []))
}

/** Starts looking for our comment on the pull request; settles to null when there is none to keep. */
function findComment(client: GitHubClient, settings: ActionSettings): Promise<ExistingComment | null> {
  const pull = settings.event.pullRequest
  if (!pull || !settings.comment) return Promise.resolve(null)
  const found = findSummaryComment(client, settings.repository, pull.number)
  found.catch(() => undefined) // handled where it is awaited; not an unhandled rejection meanwhile
  return found
}

/** The PR comment; a token that may not comment gets a warning, not a failed step. */
async function postComment(client: GitHubClient, settings: ActionSettings, summary: string, earlier: Promise<ExistingComment | null>): Promise<void> {
  const pull = settings.event.pullRequest
  if (!pull || !settings.comment) return
  try {
    const comment = await writeSummaryComment(client, settings.repository, pull.number, summary, await earlier)
    core.info(`Summary comment ${comment.action}: ${comment.url}`)
    core.setOutput(OUTPUTS.commentUrl, comment.url)
  } catch (error) {
    const why = statusOf(error) === 403 ? ' The token lacks `pull-requests: write` (pull requests from forks get a read-only token); the job summary has the same content.' : ''
    core.warning(`Could not post the summary comment: ${getErrorMessage(error)}.${why}`)
  }
}

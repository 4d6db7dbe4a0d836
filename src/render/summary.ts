import { BODY_BUDGET } from '../markup/github-limits.js'
import type { FailOn, Severity } from '../constants.js'
import type { ApplyResult } from '../plan/apply-result.js'
import { issueTitle } from '../plan/issue-text.js'
import { countChanges, isDoneWithoutIssue, type IssueChange, type KnownIssue } from '../plan/plan-issues.js'
import { countFindings, plural } from '../report/findings.js'
import type { FileReport, Finding, RunReport } from '../report/types.js'
import { cell, code, htmlCode, link, tableCode } from '../markup/escape.js'
import { permalink, type SourceLinks } from '../markup/permalink.js'
import { renderConfigNotice, type ConfigNotice } from './config-notice.js'

/** Starts our one PR comment; found again by it on every push. */
export const SUMMARY_MARKER = '<!-- minutes-automation:summary -->'

/** The finished comment is measured whole and kept under the bodies' budget (markup/github-limits.ts). */
export const BODY_LIMIT = BODY_BUDGET
/** Room kept for the note saying what was left out. */
const NOTE_RESERVE = 300
/** Owners shown in a row of the plan's table; the rest are counted. */
const PLAN_OWNER_LIMIT = 10
/** Warnings and notes past this many fold into `<details>`. */
const FOLD_AFTER = 5
/** Longer lists are cut: the job's log and the CLI have them all. */
const LIST_LIMIT = 50
/** Rows of the action-item table; the `action-items` output has them all. */
const PLAN_ROW_LIMIT = 200
/** Action-item tables longer than this fold into `<details>`. */
const PLAN_FOLD_AFTER = 10
/** Longest message shown, in the rare case it was not built with `md` (escaped whole). */
const MESSAGE_LIMIT = 500

/** When the action-item plan is carried out. */
export type PlanTiming = 'after-merge' | 'now' | 'dry-run' | 'never'

export interface SummaryInput {
  report: RunReport
  /** Links to the files at the commit checked (a PR's head). */
  links: SourceLinks
  /** The action-item plan, when items were found and issues are kept. */
  plan: { changes: readonly IssueChange[]; timing: PlanTiming; result?: ApplyResult; since?: string | null; maxNewIssues?: number; maxClosesAndReopens?: number } | null
  /** The action's `fail-on`: which findings block the merge. Default `error`. */
  failOn?: FailOn
  /** A pull request changing the configuration or suppressions: said first, before any finding. */
  configNotice?: ConfigNotice | null
}

/** The changes the plan's table lists: one per item (duplicates closed and items before `since` are only counted). */
type Listed = Exclude<IssueChange, { kind: 'close-duplicate' | 'before-since' }>

/** A finding with the file it is in. */
interface Placed {
  file: FileReport
  finding: Finding
}

/**
 * The PR comment and job summary, for a reviewer's glance: first the verdict (what blocks
 * the merge, then the rest as counts), then a section per file that has errors, then the
 * warnings and notes grouped by rule across files (folded past a handful), then the
 * action-item plan. Our messages keep their Markdown; everything from minutes is escaped;
 * every link points at the checked commit. The body stays under GitHub's size limit.
 */
export function renderSummary(input: SummaryInput): string {
  const { report, links } = input
  const placed = report.files.flatMap((file) => file.findings.map((finding) => ({ file, finding })))
  const counts = countFindings(placed.map(({ finding }) => finding))
  const tally = countChanges(input.plan?.changes ?? [])
  const held = tally['held-back'] + tally['held-back-close'] + tally['held-back-reopen']
  // An issue left as it is because its owners differ is news too: the reader expected a close.
  const differ = (input.plan?.changes ?? []).filter((change) => change.kind === 'unchanged' && change.ownersDiffer).length
  const pending = tally.create + tally.close + tally.reopen + tally['close-duplicate'] + held + differ
  const notice = input.configNotice ? `${renderConfigNotice(input.configNotice)}\n` : ''
  const header = `${SUMMARY_MARKER}\n## Minutes check\n\n${notice}`
  const files = plural(report.summary.files, 'minutes file')
  if (placed.length === 0 && pending === 0) return `${header}✅ ${files} checked: no findings.\n`

  const opening = `${header}${verdict(placed, counts, input.failOn ?? 'error', files)}\n`
  const parts = [opening]
  // The plan comes first among what may be long: whole when it fits, else its counts alone.
  const full = input.plan ? renderPlan(input.plan, links) : ''
  const plan = full.length + opening.length + NOTE_RESERVE > BODY_LIMIT && input.plan ? collapsedPlan(input.plan) : full
  let length = opening.length + plan.length + 2
  let omitted = 0
  const errorFiles = report.files.filter((file) => file.findings.some((finding) => finding.severity === 'error'))
  const quieter = placed.filter(({ finding }) => finding.severity !== 'error')
  const blocks = [
    ...errorFiles.map((file) => renderErrorFile(file, links)),
    renderQuieter(quieter, links),
    ...report.files.filter((file) => !errorFiles.includes(file)).map((file) => renderTeams(file, links, true)),
  ]
  for (const block of blocks) {
    if (block === '') continue
    if (length + block.length > BODY_LIMIT) omitted++
    else {
      parts.push(block)
      length += block.length + 1
    }
  }
  if (plan !== '') parts.push(plan)
  if (omitted > 0) parts.push(`\n_${plural(omitted, 'more section')} left out to stay within GitHub's comment size limit: see the job's log and annotations._\n`)
  const body = parts.join('\n')
  // Measured finished: should it still be too long, the verdict and the plan's counts remain.
  if (body.length <= BODY_LIMIT) return body
  return [opening, input.plan ? collapsedPlan(input.plan) : '', "_The details are too long for GitHub's comment size limit: see the job's log and annotations._\n"].join('\n')
}

/** The plan's counts and where its items are, for a plan whose table is too long for a comment. */
function collapsedPlan(plan: NonNullable<SummaryInput['plan']>): string {
  const lines = planHeadline(plan)
  if (lines.length === 0) return ''
  const items = plan.changes.filter(isListed).length
  lines.push(`The table of ${plural(items, 'item')} is too long for a comment: every item is in the \`action-items\` output and the report file (the \`report-file\` output).`, '')
  return lines.join('\n')
}

/** `❌ **2 errors block the merge:** \`title-date\` (1), \`link-target-exists\` (1). Also 3 warnings in 4 minutes files.` */
function verdict(placed: readonly Placed[], counts: Record<Severity, number>, failOn: FailOn, files: string): string {
  const blocking = placed.filter(({ finding }) => blocks(finding.severity, failOn))
  const rest: Record<Severity, number> = { ...counts }
  for (const { finding } of blocking) rest[finding.severity]--
  const others = describeNonZero(rest)
  if (blocking.length > 0) {
    const blocked = countFindings(blocking.map(({ finding }) => finding))
    const what = describeNonZero(blocked)
    const verb = blocking.length === 1 ? 'blocks' : 'block'
    const rules = [...groupBy(blocking, ({ finding }) => finding.rule)].map(([rule, group]) => `${code(rule)} (${group.length})`).join(', ')
    return `❌ **${what} ${verb} the merge:** ${rules}${others ? `. Also ${others}` : ''} in ${files}.`
  }
  if (placed.length === 0) return `✅ No findings in ${files}.`
  const icon = counts.error + counts.warning > 0 ? '⚠️' : '✅'
  const why = failOn === 'never' ? ' (`fail-on: never`)' : ''
  return `${icon} **Nothing blocks the merge${why}:** ${others} in ${files}.`
}

function blocks(severity: Severity, failOn: FailOn): boolean {
  return failOn === 'error' ? severity === 'error' : failOn === 'warning' ? severity !== 'info' : false
}

/** `2 errors and 1 warning`, `3 notes`: only the counts that are not zero. */
function describeNonZero(counts: Record<Severity, number>): string {
  const parts = [
    ...(counts.error > 0 ? [plural(counts.error, 'error')] : []),
    ...(counts.warning > 0 ? [plural(counts.warning, 'warning')] : []),
    ...(counts.info > 0 ? [plural(counts.info, 'note')] : []),
  ]
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '')
}

/** A file with errors: its heading, its errors in line order, and its team-minutes table. */
function renderErrorFile(file: FileReport, links: SourceLinks): string {
  const errors = file.findings.filter((finding) => finding.severity === 'error')
  const about = [file.profile, file.date].filter(Boolean).join(', ')
  const lines = [`### ❌ ${link(code(file.path), permalink(links, file.path))} (${cell(about)}): ${plural(errors.length, 'error')}`, '']
  lines.push(...errors.slice(0, LIST_LIMIT).map((finding) => `- ${link(`line ${finding.line}`, permalink(links, file.path, finding.line))} ${code(finding.rule)}: ${messageOf(finding)}`))
  if (errors.length > LIST_LIMIT) lines.push(`- … and ${errors.length - LIST_LIMIT} more in the job's log`)
  lines.push('')
  const teams = renderTeams(file, links, false)
  if (teams !== '') lines.push(teams)
  return lines.join('\n')
}

/**
 * Warnings and notes, one entry per rule and severity across all files: the message once
 * when every place says the same, else each place with its own. Past a handful they fold.
 */
function renderQuieter(placed: readonly Placed[], links: SourceLinks): string {
  if (placed.length === 0) return ''
  const entries: string[] = []
  for (const [, group] of groupBy(placed, ({ finding }) => `${finding.severity} ${finding.rule}`)) {
    const first = group[0]
    if (!first) continue
    const icon = first.finding.severity === 'warning' ? '⚠️' : 'ℹ️'
    const title = `${icon} ${code(first.finding.rule)}`
    const shown = group.slice(0, LIST_LIMIT)
    const more = group.length > LIST_LIMIT ? ` … and ${group.length - LIST_LIMIT} more in the job's log` : ''
    const message = messageOf(first.finding)
    if (group.length === 1) entries.push(`- ${title} ${place(first, links)}: ${message}`)
    else if (group.every(({ finding }) => messageOf(finding) === message)) {
      entries.push(`- ${title} ${message} ${shown.map((each) => place(each, links)).join(', ')}${more}`)
    } else {
      entries.push(`- ${title} in ${plural(new Set(group.map(({ file }) => file.path)).size, 'file')}:`)
      entries.push(...shown.map((each) => `  - ${place(each, links)}: ${messageOf(each.finding)}`))
      if (more) entries.push(`  -${more}`)
    }
  }
  const counts = countFindings(placed.map(({ finding }) => finding))
  const title = `${counts.warning > 0 ? '⚠️' : 'ℹ️'} ${describeNonZero(counts)}`
  if (placed.length <= FOLD_AFTER) return [`**${title}**`, '', ...entries, ''].join('\n')
  return ['<details>', `<summary>${title}</summary>`, '', ...entries, '', '</details>', ''].join('\n')
}

/** `[\`path:line\`](permalink)`. */
function place({ file, finding }: Placed, links: SourceLinks): string {
  return link(code(`${file.path}:${finding.line}`), permalink(links, file.path, finding.line))
}

/** The message as Markdown: the rule's own when it made one, else the plain text escaped. */
function messageOf(finding: Finding): string {
  const message = finding.markdown ?? cell(finding.message, MESSAGE_LIMIT)
  // Most messages already name their fix; repeat it only when one does not.
  const fix = finding.suggestion && !finding.message.includes(finding.suggestion) ? ` Suggestion: ${cell(finding.suggestion, 300)}` : ''
  return `${message}${fix}`
}

/**
 * A file's team sections and what their `Minutes:` lines link, folded. Under a file's own
 * heading it is always shown; otherwise (`named`) only when the file has findings or a
 * missing link, and the summary names the file.
 */
function renderTeams(file: FileReport, links: SourceLinks, named: boolean): string {
  if (file.teams.length === 0) return ''
  const missing = file.teams.flatMap((team) => team.links).filter((target) => target.exists === false).length
  if (named && file.findings.length === 0 && missing === 0) return ''
  const rows = file.teams.map((team) => {
    const minutes =
      team.links.length > 0
        ? team.links.map((target) => `${cell(target.path ?? target.url, 120)} ${target.exists === false ? '❌ missing' : target.exists ? '✅' : '↗️'}`).join('<br>')
        : team.kind === 'placeholder'
          ? `_${cell(team.placeholder ?? 'placeholder')}_`
          : '—'
    return `| [${cell(team.team, 80)}](${permalink(links, file.path, team.line)}) | ${minutes} |`
  })
  const where = named ? ` in ${htmlCode(file.path)}` : ''
  const summary = `Team minutes${where}: ${plural(file.teams.length, 'team')}${missing > 0 ? `, ${missing} link${missing === 1 ? '' : 's'} missing` : ''}`
  return ['<details>', `<summary>${summary}</summary>`, '', '| Team | Minutes |', '|---|---|', ...rows, '', '</details>', ''].join('\n')
}

const PLAN_VERBS: Record<PlanTiming, string> = {
  'after-merge': 'After merge this will',
  now: 'This run will',
  'dry-run': 'Dry run: this would',
  never: 'Issues are not kept (`create-issues: never`); this would',
}

/** The changes the table lists: items before `since` are only counted, as are duplicates closed. */
function isListed(change: IssueChange): change is Listed {
  return change.kind !== 'close-duplicate' && change.kind !== 'before-since'
}

/**
 * The plan's heading and counts without its table: what the run does with issues, what it
 * holds back, what it leaves untracked, and what it did. The job summary's digest shows this
 * when the whole summary is too long.
 */
export function planHeadline(plan: NonNullable<SummaryInput['plan']>): string[] {
  const tally = countChanges(plan.changes)
  // Items before `since` are only counted: on a first run they are most of the history.
  const listed = plan.changes.filter(isListed).length
  if (listed === 0 && tally['close-duplicate'] === 0 && tally['before-since'] === 0) return []
  const actions = [
    `create ${plural(tally.create, 'issue')}`,
    `close ${tally.close}`,
    ...(tally.reopen > 0 ? [`reopen ${tally.reopen}`] : []),
    ...(tally['close-duplicate'] > 0 ? [`close ${tally['close-duplicate']} duplicate(s)`] : []),
  ]
  // As the table's rows and the CLI's plan say: a done item with no issue leaves no issue unchanged.
  const doneWithoutIssue = plan.changes.filter(isDoneWithoutIssue).length
  const untouched = `${tally.unchanged - doneWithoutIssue} unchanged${doneWithoutIssue > 0 ? `, ${doneWithoutIssue} done with no issue` : ''}`
  const lines = [`### Action items`, '', `${PLAN_VERBS[plan.timing]} ${actions.join(', ')}; ${untouched}.`, '']
  if (tally['held-back'] > 0) lines.push(`${plural(tally['held-back'], 'more issue')} held back (\`max-new-issues: ${plan.maxNewIssues ?? tally.create}\`): the next run goes on.`, '')
  const heldState = tally['held-back-close'] + tally['held-back-reopen']
  if (heldState > 0) {
    const what = [...(tally['held-back-close'] > 0 ? [`${tally['held-back-close']} close${tally['held-back-close'] === 1 ? '' : 's'}`] : []), ...(tally['held-back-reopen'] > 0 ? [`${tally['held-back-reopen']} reopen${tally['held-back-reopen'] === 1 ? '' : 's'}`] : [])]
    lines.push(`${what.join(' and ')} held back (\`max-closes-and-reopens: ${plan.maxClosesAndReopens ?? tally.close + tally.reopen}\`): the next run goes on.`, '')
  }
  if (plan.timing === 'dry-run' && plan.maxClosesAndReopens !== undefined && tally.close + tally.reopen > plan.maxClosesAndReopens) {
    lines.push(`A run that writes closes and reopens at most ${plural(plan.maxClosesAndReopens, 'issue')} (\`max-closes-and-reopens\`) and the next run goes on.`, '')
  }
  if (tally.unchanged > 0 && plan.changes.some((change) => change.kind === 'unchanged' && change.ownersDiffer)) {
    const differ = plan.changes.filter((change) => change.kind === 'unchanged' && change.ownersDiffer).length
    lines.push(`${plural(differ, 'issue')} left as ${differ === 1 ? 'it is' : 'they are'}: the minutes mark ${differ === 1 ? 'its item' : 'their items'} done or undone, but under other owners (\`unchanged, owners differ\`); only the same owners close or reopen an issue.`, '')
  }
  if (plan.timing === 'dry-run' && plan.maxNewIssues !== undefined && tally.create > plan.maxNewIssues) {
    lines.push(`The whole backlog is shown; a run that writes creates at most ${plural(plan.maxNewIssues, 'issue')} (\`max-new-issues\`) and the next run goes on.`, '')
  }
  if (tally['before-since'] > 0) lines.push(`${plural(tally['before-since'], 'open item')} from meetings before ${plan.since ?? 'actionItems.since'} ${tally['before-since'] === 1 ? 'is' : 'are'} not tracked (\`actionItems.since\`).`, '')
  if (plan.result) lines.push(...resultLines(plan.result), '')
  return lines
}

function renderPlan(plan: NonNullable<SummaryInput['plan']>, links: SourceLinks): string {
  const lines = planHeadline(plan)
  if (lines.length === 0) return ''
  const items = plan.changes.filter(isListed)
  const shown = items.slice(0, PLAN_ROW_LIMIT)
  // One file (the usual PR): `line 14` says it; the Issue column only when an issue is known.
  const oneFile = new Set(shown.map((change) => change.occurrence.path)).size === 1
  const withIssues = shown.some((change) => issueOf(change))
  const rows = shown.map((change) => {
    const { occurrence } = change
    const owners = ownersCell(occurrence.item.owners)
    const done = occurrence.item.done ? ' ✅' : ''
    const label = oneFile ? `line ${occurrence.item.line}` : tableCode(`${occurrence.path}:${occurrence.item.line}`)
    const known = issueOf(change)
    const issue = withIssues ? ` ${known ? `[#${known.number}](${known.url})` : '—'} |` : ''
    return `| ${rowWord(change)} | ${cell(titleOf(change), 200)}${done} | ${owners} | ${link(label, permalink(links, occurrence.path, occurrence.item.line))} |${issue}`
  })
  const first = shown[0]?.occurrence.path
  const from = oneFile && first ? `From ${tableCode(first)}` : 'From'
  if (items.length > shown.length) rows.push(`| … | ${items.length - shown.length} more items: see the \`action-items\` output | | |${withIssues ? ' |' : ''}`)
  const table = withIssues ? [`| | Title | Owners | ${from} | Issue |`, '|---|---|---|---|---|', ...rows] : [`| | Title | Owners | ${from} |`, '|---|---|---|---|', ...rows]
  if (rows.length > PLAN_FOLD_AFTER) lines.push('<details>', `<summary>${plural(items.length, 'item')}</summary>`, '', ...table, '', '</details>', '')
  else if (rows.length > 0) lines.push(...table, '')
  return lines.join('\n')
}

/** The first cell of a plan row: the change's kind, or what an `unchanged` one really is. */
function rowWord(change: Listed): string {
  if (isDoneWithoutIssue(change)) return 'done, no issue'
  return change.kind === 'unchanged' && change.ownersDiffer ? 'unchanged, owners differ' : change.kind
}

/** `alice, bob, … and 1,490 more`: a row names at most `PLAN_OWNER_LIMIT` owners. */
function ownersCell(owners: readonly string[]): string {
  if (owners.length === 0) return '—'
  const shown = owners.slice(0, PLAN_OWNER_LIMIT).map((owner) => cell(owner, 40)).join(', ')
  return owners.length > PLAN_OWNER_LIMIT ? `${shown} and ${(owners.length - PLAN_OWNER_LIMIT).toLocaleString('en-US')} more` : shown
}

function issueOf(change: IssueChange): KnownIssue | null {
  return 'issue' in change ? change.issue : null
}

/** The issue's title: the one the plan makes, the known issue's, else the one it would make. */
function titleOf(change: Listed): string {
  if ('title' in change) return change.title
  const known = issueOf(change)
  if (known) return known.title
  return issueTitle(change.occurrence)
}

function resultLines(result: ApplyResult): string[] {
  const lines = [
    `Done: created ${result.created.length}, closed ${result.closed.length}, reopened ${result.reopened.length}.`,
    ...result.failed.slice(0, LIST_LIMIT).map((failure) => `- ⚠️ ${failure.change.kind} failed: ${cell(failure.message, 300)}`),
    ...(result.failed.length > LIST_LIMIT ? [`- … and ${result.failed.length - LIST_LIMIT} more failures in the job's log`] : []),
  ]
  if (result.forbidden) lines.push('', 'The token may not write issues: give the workflow `permissions: issues: write`.')
  return lines
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const value of values) {
    const group = groups.get(key(value))
    if (group) group.push(value)
    else groups.set(key(value), [value])
  }
  return groups
}

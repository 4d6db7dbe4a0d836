import type { ApplyResult } from '../plan/apply-result.js'
import { itemTitle } from '../plan/issue-text.js'
import { countChanges, type IssueChange } from '../plan/plan-issues.js'
import { countFindings, describeCounts, plural } from '../report/findings.js'
import type { FileReport, Finding, RunReport } from '../report/types.js'
import { cell, code, link } from '../markup/escape.js'
import { permalink, type SourceLinks } from '../markup/permalink.js'

/** Starts our one PR comment; found again by it on every push. */
export const SUMMARY_MARKER = '<!-- minutes-automation:summary -->'

/** GitHub refuses comment bodies over 65,536 characters; keep room for the closing note. */
const BODY_LIMIT = 60_000
/** Lists longer than this fold into `<details>`. */
const FOLD_AFTER = 5
/** Longer lists are cut: the job's log and the CLI have them all. */
const LIST_LIMIT = 50
/** Rows of the action-item table; the `action-items` output has them all. */
const PLAN_ROW_LIMIT = 200

/** When the action-item plan is carried out. */
export type PlanTiming = 'after-merge' | 'now' | 'dry-run' | 'never'

export interface SummaryInput {
  report: RunReport
  /** Links to the files at the commit checked (a PR's head). */
  links: SourceLinks
  /** The action-item plan, when items were found and issues are kept. */
  plan: { changes: readonly IssueChange[]; timing: PlanTiming; result?: ApplyResult; since?: string | null; maxNewIssues?: number } | null
}

/**
 * The PR comment and job summary: the verdict in one line, then per file its findings
 * grouped by rule with line links, its team-minutes links, and the action-item plan.
 * Everything from minutes is escaped; the body stays under GitHub's size limit.
 */
export function renderSummary(input: SummaryInput): string {
  const { report } = input
  const counts = countFindings(report.files.flatMap((file) => file.findings))
  const changes = input.plan?.changes ?? []
  const tally = countChanges(changes)
  const pending = tally.create + tally.close + tally.reopen + tally['close-duplicate'] + tally['held-back']
  const header = `${SUMMARY_MARKER}\n## Minutes check\n\n`
  if (counts.error + counts.warning + counts.info === 0 && pending === 0) {
    return `${header}✅ ${plural(report.summary.files, 'minutes file')} checked: no findings.\n`
  }
  const verdict = `${counts.error > 0 ? '❌' : counts.warning > 0 ? '⚠️' : '✅'} **${describeCounts(counts)}** in ${plural(report.summary.files, 'minutes file')}`
  const parts = [`${header}${verdict}.\n`]
  let length = (parts[0]?.length ?? 0) + 1
  let omitted = 0
  const blocks = [...report.files.map((file) => renderFile(file, input.links)), ...(input.plan ? [renderPlan(input.plan)] : [])]
  for (const block of blocks) {
    if (block === '') continue
    if (length + block.length > BODY_LIMIT) omitted++
    else {
      parts.push(block)
      length += block.length + 1
    }
  }
  if (omitted > 0) parts.push(`\n_${plural(omitted, 'more section')} left out to stay within GitHub's comment size limit: see the job's log and annotations._\n`)
  return parts.join('\n')
}

function renderFile(file: FileReport, links: SourceLinks): string {
  const counts = countFindings(file.findings)
  if (file.findings.length === 0 && !file.teams.some((team) => team.links.some((target) => target.exists === false))) return ''
  const icon = counts.error > 0 ? '❌' : counts.warning > 0 ? '⚠️' : 'ℹ️'
  const about = [file.profile, file.date].filter(Boolean).join(', ')
  const lines = [`### ${icon} ${link(code(file.path), permalink(links, file.path))} (${cell(about)}): ${describeCounts(counts)}`, '']
  for (const [rule, findings] of groupByRule(file.findings)) {
    const items = findings.slice(0, LIST_LIMIT).map((finding) => `- ${findingLine(finding, file.path, links)}`)
    if (findings.length > LIST_LIMIT) items.push(`- … and ${findings.length - LIST_LIMIT} more in the job's log`)
    lines.push(...fold(`${code(rule)} (${findings.length})`, items, true), '')
  }
  if (file.teams.length > 0) {
    const missing = file.teams.flatMap((team) => team.links).filter((target) => target.exists === false).length
    const rows = file.teams.map((team) => {
      const minutes =
        team.links.length > 0
          ? team.links.map((target) => `${cell(target.path ?? target.url, 120)} ${target.exists === false ? '❌ missing' : target.exists ? '✅' : '↗️'}`).join('<br>')
          : team.kind === 'placeholder'
            ? `_${cell(team.placeholder ?? 'placeholder')}_`
            : '—'
      return `| [${cell(team.team, 80)}](${permalink(links, file.path, team.line)}) | ${minutes} |`
    })
    const summary = `Team minutes: ${plural(file.teams.length, 'team')}${missing > 0 ? `, ${missing} link${missing === 1 ? '' : 's'} missing` : ''}`
    lines.push('<details>', `<summary>${summary}</summary>`, '', '| Team | Minutes |', '|---|---|', ...rows, '', '</details>', '')
  }
  return lines.join('\n')
}

function findingLine(finding: Finding, path: string, links: SourceLinks): string {
  const where = link(`line ${finding.line}`, permalink(links, path, finding.line))
  // Most messages already name their fix; repeat it only when one does not.
  const fix = finding.suggestion && !finding.message.includes(finding.suggestion) ? ` Suggestion: ${cell(finding.suggestion, 300)}` : ''
  return `${where}: ${cell(finding.message, 500)}${fix}`
}

const PLAN_VERBS: Record<PlanTiming, string> = {
  'after-merge': 'After merge this will',
  now: 'This run will',
  'dry-run': 'Dry run: this would',
  never: 'Issues are not kept (`create-issues: never`); this would',
}

function renderPlan(plan: NonNullable<SummaryInput['plan']>): string {
  const tally = countChanges(plan.changes)
  // Items before `since` are only counted: on a first run they are most of the history.
  const items = plan.changes.filter((change) => change.kind !== 'close-duplicate' && change.kind !== 'before-since')
  if (items.length === 0 && tally['close-duplicate'] === 0 && tally['before-since'] === 0) return ''
  const actions = [
    `create ${plural(tally.create, 'issue')}`,
    `close ${tally.close}`,
    ...(tally.reopen > 0 ? [`reopen ${tally.reopen}`] : []),
    ...(tally['close-duplicate'] > 0 ? [`close ${tally['close-duplicate']} duplicate(s)`] : []),
  ]
  const lines = [`### Action items`, '', `${PLAN_VERBS[plan.timing]} ${actions.join(', ')}; ${tally.unchanged} unchanged.`, '']
  if (tally['held-back'] > 0) lines.push(`${plural(tally['held-back'], 'more issue')} held back (\`max-new-issues: ${plan.maxNewIssues ?? tally.create}\`): the next run goes on.`, '')
  if (plan.timing === 'dry-run' && plan.maxNewIssues !== undefined && tally.create > plan.maxNewIssues) {
    lines.push(`The whole backlog is shown; a run that writes creates at most ${plural(plan.maxNewIssues, 'issue')} (\`max-new-issues\`) and the next run goes on.`, '')
  }
  if (tally['before-since'] > 0) lines.push(`${plural(tally['before-since'], 'open item')} from meetings before ${plan.since ?? 'actionItems.since'} ${tally['before-since'] === 1 ? 'is' : 'are'} not tracked (\`actionItems.since\`).`, '')
  if (plan.result) lines.push(...resultLines(plan.result), '')
  const shown = items.slice(0, PLAN_ROW_LIMIT)
  const rows = shown.map((change) => {
    const { occurrence } = change
    const owners = occurrence.item.owners.length > 0 ? occurrence.item.owners.map((owner) => cell(owner, 40)).join(', ') : '—'
    const issue = 'issue' in change && change.issue ? `[#${change.issue.number}](${change.issue.url})` : '—'
    const done = occurrence.item.done ? ' ✅' : ''
    return `| ${change.kind} | ${cell(itemTitle(occurrence), 200)}${done} | ${owners} | ${cell(`${occurrence.path}:${occurrence.item.line}`, 120)} | ${issue} |`
  })
  if (items.length > shown.length) rows.push(`| … | ${items.length - shown.length} more items: see the \`action-items\` output | | | |`)
  if (rows.length > 0) lines.push(...fold(plural(items.length, 'item'), ['| | Item | Owners | Where | Issue |', '|---|---|---|---|---|', ...rows], false, 10), '')
  return lines.join('\n')
}

function resultLines(result: ApplyResult): string[] {
  const lines = [
    `Done: created ${result.created.length}, closed ${result.closed.length}, reopened ${result.reopened.length}.`,
    ...result.failed.map((failure) => `- ⚠️ ${failure.change.kind} failed: ${cell(failure.message, 300)}`),
  ]
  if (result.forbidden) lines.push('', 'The token may not write issues: give the workflow `permissions: issues: write`.')
  return lines
}

/** A titled list; long ones fold into `<details>` (open when `open` and short enough). */
function fold(title: string, items: string[], bold: boolean, after = FOLD_AFTER): string[] {
  if (items.length <= after) return [bold ? `**${title}**` : title, '', ...items]
  return ['<details>', `<summary>${title}</summary>`, '', ...items, '', '</details>']
}

function groupByRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>()
  for (const finding of findings) groups.set(finding.rule, [...(groups.get(finding.rule) ?? []), finding])
  return groups
}


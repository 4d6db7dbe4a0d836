import { countFindings, describeCounts, plural } from '../report/findings.js'
import type { RunReport } from '../report/types.js'
import { describeDatePlace, describeMinuteTaker, describeOptionalSections, describeUncheckedMinuteTaker } from './config-document.js'
import type { ConfigSupport } from './config-support.js'
import type { Inference } from './infer-config.js'
import { describePictureHost } from './infer-external-images.js'
import { REQUIRED_SHARE, type InferredSection } from './infer-series.js'
import { describeRunningSource } from './running-document.js'

/**
 * What `init` inferred and what the tree gets under it, as the lines it prints: each meeting
 * series with its profile, date place, required sections and minute-taker (and what it left
 * optional or a warning, and why); team folders; the
 * repository; `actionItems.since`; then the findings of a check under the new configuration.
 */
export function describeInference(inference: Inference, report: RunReport, support: ConfigSupport): string {
  const lines = [`Scanned ${plural(inference.markdownFiles, 'Markdown file')}.`]
  if (inference.slideDecks > 0) lines.push(`${plural(inference.slideDecks, 'slide deck')} (front matter \`type: slide\`) left to the built-in slides profile.`)
  if (inference.series.length === 0) {
    lines.push('No dated minutes found: no file path holds a date (YYYYMMDD, YYYY-MM-DD, YYYY/MM-DD, YYYY/MM/DD).')
  } else {
    lines.push('', 'Meeting series:')
    for (const profile of inference.profiles) {
      for (const series of profile.series) {
        const files = series.series.files
        const span = files.length > 1 ? `${files[0]?.date} … ${files.at(-1)?.date}` : files[0]?.date
        const kind = series.frontMatter ? ` with ${Object.entries(series.frontMatter).map(([key, value]) => `${key}: ${value}`).join(', ')}` : ''
        lines.push(`  ${series.series.pattern}${kind}: ${plural(files.length, 'meeting')}, ${span} → profile “${profile.name}”`)
        lines.push(`    date: ${describeDatePlace(series.datePlace, series.files.length)}`)
        if (series.sections.length > 0) lines.push(`    required sections: ${series.sections.map((s) => describeSection(s, series.files.length)).join(', ')}`)
        if (series.optionalSections.length > 0) {
          lines.push(`    left optional (required only when ${REQUIRED_SHARE * 100} % of the files and of the newest ones have it): ${describeOptionalSections(series)}`)
        }
        if (series.minuteTaker) lines.push(`    minute-taker: ${describeMinuteTaker(series.minuteTaker, series.files.length)}`)
        if (series.uncheckedMinuteTaker) lines.push(`    minute-taker: ${describeUncheckedMinuteTaker(series.uncheckedMinuteTaker, series.files.length)}`)
      }
    }
    lines.push(`Date patterns: ${inference.datePatterns.join(', ')}`)
  }
  for (const profile of inference.runningProfiles) lines.push(`Running files: ${describeRunningSource(profile)} → profile “${profile.name}” (kind: running)`)
  if (inference.teams.length > 0) {
    const teams = inference.teams.map((team) => `${team.heading} → ${team.folder}/${team.inferable ? '' : ' (mapped)'}`)
    lines.push(`Team folders named by headings: ${teams.join(', ')}`)
  }
  if (inference.repository) lines.push(`github.com links point into ${inference.repository.name} (${plural(inference.repository.links, 'link')}).`)
  if (inference.newestMeeting && support.actionItemsSince) {
    lines.push(`Action items: since ${inference.newestMeeting} (the newest meeting), so earlier meetings open no issues.`)
  }
  const { markers, labels, people } = inference.actionItems
  if (markers.length > 0) {
    lines.push(`Action-item markers: ${markers.map((m) => `“${m.phrase}:” (${plural(m.uses, 'line')} naming a person and a task, in ${plural(m.files, 'file')})`).join(', ')}.`)
  }
  if (labels.length > 0) {
    lines.push(`Action-item lists under: ${labels.map((l) => `“${l.phrase}” (${plural(l.uses, 'item')} naming a person and a task, in ${plural(l.files, 'file')})`).join(', ')}.`)
  }
  if (people.length > 0) {
    lines.push(`Names mapped to handles: ${people.map((p) => `${p.name} → ${p.handle} (beside the handle in ${plural(p.paired, 'file')}, alone in ${p.alone})`).join(', ')}.`)
  }
  for (const host of inference.pictureHosts) lines.push(describePictureHost(host))
  const unwritten = unwrittenKeys(inference, support)
  if (unwritten.length > 0) lines.push(`Not written, as this version's configuration has no such key: ${unwritten.join(', ')}.`)
  const counts = countFindings(report.files.flatMap((file) => file.findings))
  const withFindings = report.files.filter((file) => file.findings.length > 0).length
  const total = counts.error + counts.warning + counts.info
  lines.push(
    '',
    total === 0
      ? `Under this configuration the current tree gets no findings (${plural(report.summary.files, 'file')} checked).`
      : `Under this configuration the current tree gets ${describeCounts(counts)} in ${withFindings} of ${plural(report.summary.files, 'checked file')}; run \`minutes-check\` to see them.`,
  )
  return `${lines.join('\n')}\n`
}

function describeSection(section: InferredSection, files: number): string {
  const also = section.aliases.length > 0 ? `; also ${section.aliases.map((alias) => `“${alias}”`).join(', ')}` : ''
  const teams = section.wrapsTeams ? '; holds the team sections' : ''
  return `${section.name} (${section.files} of ${files}${also}${teams})`
}

/** Keys `init` inferred a value for that the installed configuration schema does not accept. */
function unwrittenKeys(inference: Inference, support: ConfigSupport): string[] {
  const keys: string[] = []
  if (!support.datePatterns && inference.datePatterns.length > 0) keys.push('datePatterns')
  if (!support.frontMatterDate && inference.series.some((series) => series.datePlace.kind === 'front-matter')) keys.push('frontMatterDate')
  if (!support.actionItemsSince && inference.newestMeeting) keys.push('actionItems.since')
  const { markers, labels, people } = inference.actionItems
  if (!support.actionItemsGrammar && markers.length + labels.length + people.length > 0) keys.push('actionItems.grammar', 'actionItems.people')
  return keys
}

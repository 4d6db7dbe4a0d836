import { Document, isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml'
import { plural } from '../report/findings.js'
import type { ConfigSupport } from './config-support.js'
import type { InferredPhrase } from './infer-action-items.js'
import { teamMappings, type Inference, type InferredProfile } from './infer-config.js'
import { NEARLY_EVERY, REQUIRED_SHARE, type DatePlace, type InferredMinuteTaker, type SeriesInference, type TraitShare } from './infer-series.js'
import { describeRunningSource, runningProfileValue } from './running-document.js'

/** The JSON Schema of the configuration, for editors (yaml-language-server). */
export const CONFIG_SCHEMA_URL =
  'https://raw.githubusercontent.com/minutes-automation/minutes-automation/v0.1.0/schemas/config.schema.json'

const DOCS = 'https://github.com/minutes-automation/minutes-automation/blob/main/docs/init.md'

/**
 * Writes the inferred configuration as `.github/minutes.yml`, with comments that say what
 * each part was inferred from. Built with the `yaml` package's document model, so every
 * value is quoted and escaped as YAML needs. Keys the schema does not accept yet are left out.
 */
export function configDocument(inference: Inference, support: ConfigSupport): string {
  const value: Record<string, unknown> = {}
  if (inference.repository) value.repository = inference.repository.name
  if (support.datePatterns && inference.datePatterns.length > 0) value.datePatterns = inference.datePatterns
  const mappings = teamMappings(inference)
  if (mappings.length > 0) value.teams = mappings
  // Running files only where the schema has `kind`: an older one would read them as one meeting.
  const running = support.runningFiles ? inference.runningProfiles : []
  if (inference.profiles.length + running.length > 0) {
    value.profiles = Object.fromEntries([
      ...inference.profiles.map((profile) => [profile.name, profileValue(profile)]),
      ...running.map((profile) => [profile.name, runningProfileValue(profile)]),
    ])
  }
  const actionItems = actionItemsValue(inference, support)
  if (Object.keys(actionItems).length > 0) value.actionItems = actionItems
  if (inference.pictureHosts.length > 0) value.externalImages = { hosts: inference.pictureHosts.map((host) => host.host) }

  const document = new Document(value)
  document.commentBefore = [
    ` yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    ` Written by \`minutes-check init\` from ${plural(inference.markdownFiles, 'Markdown file')}; edit it freely.`,
    ` What each key means and how it was inferred: ${DOCS}`,
  ].join('\n')
  const root = document.contents as YAMLMap
  commentKey(root, 'repository', ` github.com links into this repository (${plural(inference.repository?.links ?? 0, 'link')} say so)`)
  commentKey(root, 'datePatterns', ' Where the meeting date stands in file paths (YYYY, MM, DD; * and ** as in globs)')
  commentKey(root, 'teams', ' Team headings whose folder their words do not name (read from their Minutes: links)')
  const items = root.get('actionItems', true)
  if (isMap(items)) {
    commentKey(items, 'since', ' Action items of meetings before the newest one never become issues: history stays quiet')
    const { markers, labels, people } = inference.actionItems
    const uses = (phrases: InferredPhrase[], what: string) => phrases.map((p) => `${p.phrase} ${plural(p.uses, what)} in ${plural(p.files, 'file')}`).join(', ')
    const grammar = items.get('grammar', true)
    if (isMap(grammar)) {
      commentKey(grammar, 'markers', ` Words in capitals opening lines that name a person and a task (${uses(markers, 'line')})`)
      commentKey(grammar, 'labels', ` Headings whose lists name people and tasks (${uses(labels, 'item')})`)
    }
    const pairs = people.map((person) => `${person.name}: written with @${person.handle} in ${plural(person.paired, 'file')}, alone in ${person.alone}`)
    commentKey(items, 'people', ` Names some files write alone and others beside a handle (${pairs.join('; ')})`)
  }
  commentKey(root, 'externalImages', ' Pictures on these hosts mostly have a copy beside the minutes: the others need one (minutes-check fetch-images)')
  const profiles = root.get('profiles', true)
  if (isMap(profiles)) {
    for (const profile of running) commentKey(profiles, profile.name, ` ${describeRunningSource(profile)}`)
    for (const profile of inference.profiles) {
      commentKey(profiles, profile.name, describeProfileSource(profile).map((line) => ` ${line}`).join('\n'))
      const node = profiles.get(profile.name, true)
      if (isMap(node) && profile.requiredSections.length > 0) {
        const files = profile.series.reduce((total, series) => total + series.files.length, 0)
        const counts = profile.requiredSections.map((section) => `${section.name} ${filesWithSection(profile, section.name)}`).join(', ')
        commentKey(node, 'requiredSections', ` Sections ${REQUIRED_SHARE * 100} % of the files and of the newest ones have (files with it, of ${files}: ${counts})`)
      }
      if (isMap(node)) commentLevels(node, profile)
    }
  }
  return document.toString({ lineWidth: 0 })
}

/** How many files of a profile's series have a section: series share a profile only when they require the same ones. */
function filesWithSection(profile: InferredProfile, name: string): number {
  return profile.series.reduce((total, series) => total + (series.sections.find((section) => section.name === name)?.files ?? 0), 0)
}

function actionItemsValue(inference: Inference, support: ConfigSupport): Record<string, unknown> {
  const value: Record<string, unknown> = {}
  if (support.actionItemsSince && inference.newestMeeting) value.since = inference.newestMeeting
  if (!support.actionItemsGrammar) return value
  const { markers, labels, people } = inference.actionItems
  const grammar: Record<string, string[]> = {}
  if (markers.length > 0) grammar.markers = markers.map((marker) => marker.phrase)
  if (labels.length > 0) grammar.labels = labels.map((label) => label.phrase)
  if (Object.keys(grammar).length > 0) value.grammar = grammar
  if (people.length > 0) value.people = Object.fromEntries(people.map((person) => [person.name, person.handle]))
  return value
}

function profileValue(profile: InferredProfile): Record<string, unknown> {
  const value: Record<string, unknown> = { paths: profile.paths }
  if (profile.frontMatter) value.frontMatter = profile.frontMatter
  if (profile.frontMatterDate) value.frontMatterDate = profile.frontMatterDate
  value.rules = profile.rules
  if (profile.requiredSections.length > 0) {
    value.requiredSections = profile.requiredSections.map((section) => {
      if (section.aliases.length === 0 && !section.wrapsTeams) return section.name
      const entry: Record<string, unknown> = { name: section.name }
      if (section.aliases.length > 0) entry.aliases = section.aliases
      if (section.wrapsTeams) entry.satisfiedByTeamSections = true
      return entry
    })
  }
  if (profile.minuteTaker) value.minuteTaker = { section: profile.minuteTaker.section, labels: profile.minuteTaker.labels }
  return value
}

/** One line per series a profile covers: its pattern, meetings, and where dates stand. */
export function describeProfileSource(profile: InferredProfile): string[] {
  return profile.series.map((inference) => {
    const files = inference.series.files
    const span = files.length > 1 ? `${files[0]?.date} … ${files.at(-1)?.date}` : (files[0]?.date ?? '')
    const optional = inference.optionalSections.length > 0 ? `; left optional: ${describeOptionalSections(inference)}` : ''
    const taker = inference.uncheckedMinuteTaker ? `; minute-taker ${describeUncheckedMinuteTaker(inference.uncheckedMinuteTaker, inference.files.length)}` : ''
    const kind = inference.frontMatter ? ` with ${Object.entries(inference.frontMatter).map(([key, value]) => `${key}: ${value}`).join(', ')}` : ''
    return `${inference.series.pattern}${kind}: ${plural(files.length, 'meeting')}, ${span}; ${describeDatePlace(inference.datePlace, inference.files.length)}${optional}${taker}`
  })
}

/** `Participants (11 of 13, 9 of the newest 10)`: sections too few files keep to require them. */
export function describeOptionalSections(inference: SeriesInference): string {
  return inference.optionalSections
    .map((section) => `${section.name} (${section.files} of ${inference.files.length}, ${section.recentFiles} of the newest ${section.recent})`)
    .join(', ')
}

/**
 * `dates in titles (6 of 6)`, `dates in front matter \`date\` (5 of 5)`; short of the required
 * share, with the newest files and the level that leaves `title-date` at.
 */
export function describeDatePlace(place: DatePlace, files: number): string {
  switch (place.kind) {
    case 'title':
      return `dates in titles (${describeShare(place, files)})${belowRequired(place, 'title-date')}`
    case 'front-matter': {
      const where = place.keyFiles === place.files ? `front matter \`${place.key}\`` : `front matter \`${place.key}\` (${place.keyFiles} of ${files}) or in titles`
      return `dates in ${where} (${describeShare(place, files)})${belowRequired(place, 'title-date')}`
    }
    case 'none':
      return place.titles.files === 0
        ? 'no date in titles'
        : `dates in too few titles to check them (${describeShare(place.titles, files)}; ${CHECKED_FROM})`
  }
}

/** `“Scribe:” under “Present” (6 of 6)`; short of the required share, with the level that leaves `minute-taker` at. */
export function describeMinuteTaker(taker: InferredMinuteTaker, files: number): string {
  const labels = taker.labels.map((label) => `“${label}:”`).join(' or ')
  return `${labels} under “${taker.section}” (${describeShare(taker, files)})${belowRequired(taker, 'minute-taker')}`
}

/** What is left unchecked: the minute-taker line too few files have. */
export function describeUncheckedMinuteTaker(taker: InferredMinuteTaker, files: number): string {
  const labels = taker.labels.map((label) => `“${label}:”`).join(' or ')
  return `not checked: ${labels} under “${taker.section}” in too few files (${describeShare(taker, files)}; ${CHECKED_FROM})`
}

const CHECKED_FROM = `a warning from ${NEARLY_EVERY * 100} % of the files and of the newest ones, an error from ${REQUIRED_SHARE * 100} %`

/** `6 of 6` where required; else `5 of 6, 5 of the newest 6`, the newest files being half the reason. */
function describeShare(share: TraitShare, files: number): string {
  return share.required ? `${share.files} of ${files}` : `${share.files} of ${files}, ${share.recentFiles} of the newest ${share.recent}`
}

function belowRequired(share: TraitShare, rule: string): string {
  return share.required ? '' : `: ${rule} is a warning (an error only when ${REQUIRED_SHARE * 100} % of the files and of the newest ones have it)`
}

/**
 * Why `minuteTaker` is checked at the level it is, and why `title-date` is only a warning:
 * with the files that have the trait in each series the profile covers.
 */
function commentLevels(node: YAMLMap, profile: InferredProfile): void {
  const takers = profile.series.filter((series) => series.minuteTaker !== null)
  if (profile.minuteTaker && takers.length > 0) {
    const counts = takers.map((series) => `${series.series.pattern} ${describeShare(series.minuteTaker as InferredMinuteTaker, series.files.length)}`).join('; ')
    commentKey(
      node,
      'minuteTaker',
      profile.rules['minute-taker'] === 'warning'
        ? ` The minute-taker line nearly every file has, short of ${REQUIRED_SHARE * 100} % of the files and of the newest ones: rule minute-taker is a warning (files with it: ${counts})`
        : ` The minute-taker line ${REQUIRED_SHARE * 100} % of the files and of the newest ones have (files with it: ${counts})`,
    )
  }
  const rules = node.get('rules', true)
  if (isMap(rules) && profile.rules['title-date'] === 'warning') {
    commentKey(rules, 'title-date', ` A warning: nearly every file is dated, short of ${REQUIRED_SHARE * 100} % of the files and of the newest ones (the counts are above)`)
  }
}

function commentKey(map: YAMLMap, key: string, comment: string): void {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair<Node, unknown> | undefined
  if (pair && isScalar(pair.key)) pair.key.commentBefore = comment
}

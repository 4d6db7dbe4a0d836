import { Document, isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml'
import { plural } from '../report/findings.js'
import type { ConfigSupport } from './config-support.js'
import type { InferredPhrase } from './infer-action-items.js'
import { teamMappings, type Inference, type InferredProfile } from './infer-config.js'
import { REQUIRED_SHARE, type DatePlace, type SeriesInference } from './infer-series.js'
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
        const counts = profile.requiredSections.map((section) => `${section.name} ${section.files}`).join(', ')
        commentKey(node, 'requiredSections', ` Sections ${REQUIRED_SHARE * 100} % of the files and of the newest ones have (files with it, of ${files}: ${counts})`)
      }
    }
  }
  return document.toString({ lineWidth: 0 })
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
    const kind = inference.frontMatter ? ` with ${Object.entries(inference.frontMatter).map(([key, value]) => `${key}: ${value}`).join(', ')}` : ''
    return `${inference.series.pattern}${kind}: ${plural(files.length, 'meeting')}, ${span}; ${describeDatePlace(inference.datePlace, inference.files.length)}${optional}`
  })
}

/** `Participants (11 of 13, 9 of the newest 10)`: sections too few files keep to require them. */
export function describeOptionalSections(inference: SeriesInference): string {
  return inference.optionalSections
    .map((section) => `${section.name} (${section.files} of ${inference.files.length}, ${section.recentFiles} of the newest ${section.recent})`)
    .join(', ')
}

/** `dates in titles (6 of 6)`, `date in front matter \`date\` (5 of 5)`, `no date in titles`. */
export function describeDatePlace(place: DatePlace, files: number): string {
  switch (place.kind) {
    case 'title':
      return `dates in titles (${place.files} of ${files})`
    case 'front-matter':
      return `dates in front matter \`${place.key}\` (${place.files} of ${files})`
    case 'none':
      return 'no date in titles'
  }
}

function commentKey(map: YAMLMap, key: string, comment: string): void {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair<Node, unknown> | undefined
  if (pair && isScalar(pair.key)) pair.key.commentBefore = comment
}

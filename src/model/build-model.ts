import { trimTrailing } from '../markup/trim-trailing.js'
import type { Link, Paragraph, Root, RootContent, Text } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { parse as parseYaml } from 'yaml'
import type { Config, Profile } from '../config/types.js'
import { resolveLink } from '../links/resolve-link.js'
import { isCalendarDate } from '../repo/dates.js'
import { splitPath, type RepoIndex } from '../repo/repo-index.js'
import { dateInHeading } from './heading-date.js'
import { findMeetings, newestMeetingDate } from './meetings.js'
import { childSections, headingKey, ownContentEnd, sectionsOf } from './sections.js'
import { inferTeamFolder, looksLikeTeamHeading } from './team-folder.js'
import type { DocumentLink, MinutesModel, Section, TeamSection } from './types.js'

/** What the model builder needs besides the tree: all of it plain data. */
export interface ModelContext {
  path: string
  profile: Profile
  config: Config
  index: RepoIndex
  /** The file's front matter, read once by the caller (it picks the profile too). */
  frontMatter: Record<string, unknown> | null
}

/** Reads the YAML front matter of a tree; null when there is none or it is not a mapping. */
export function frontMatterOf(tree: Root): Record<string, unknown> | null {
  const first = tree.children[0]
  if (first?.type !== 'yaml') return null
  try {
    const value: unknown = parseYaml(first.value)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** Builds the minutes model of one parsed file. Pure; tolerant of any tree. */
export function buildMinutesModel(tree: Root, context: ModelContext): MinutesModel {
  const sections = sectionsOf(tree)
  const titleSection = titleSectionOf(sections)
  const title = titleSection ? { heading: titleSection.heading, text: titleSection.title } : null
  const fileDate = context.index.dateOf(context.path)?.date ?? null
  const frontMatterDate = dateInFrontMatter(context.frontMatter, context.profile.frontMatterDate)
  // The date known from elsewhere tells which way the series writes `02/09/2015`.
  const titleDate = titleSection ? dateInHeading(titleSection, fileDate ?? frontMatterDate) : null
  const titleIso = titleDate?.valid ? titleDate.normalized : null
  const meetings = context.profile.kind === 'running' ? findMeetings(tree, sections) : []
  // A running file's date is its newest meeting's: the meeting it was last written for.
  const meetingDate = newestMeetingDate(meetings)
  return {
    path: context.path,
    profile: context.profile.name,
    frontMatter: context.frontMatter,
    title,
    titleDate,
    fileDate,
    frontMatterDate,
    date: fileDate ?? frontMatterDate ?? meetingDate ?? titleIso,
    meetings,
    minuteTaker: findMinuteTaker(tree, sections, context.profile),
    sections,
    teams: findTeamSections(tree, sections, context),
    ...collectLinksAndTexts(tree),
  }
}

/** The meeting date under the profile's front matter key (`date: 2026-05-06`), when it is a real day. */
function dateInFrontMatter(frontMatter: Record<string, unknown> | null, key: string | null): string | null {
  const value = key ? frontMatter?.[key] : undefined
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim().slice(0, 10) : null
  return text !== null && isCalendarDate(text) ? text : null
}

/**
 * The title: the first level-1 heading, unless a heading holding a date opens the document
 * before it (`## 2023-10-09` on line 1, a `# Code of Conduct` section further down). With
 * neither, the first heading, unless it names a part every meeting has (`### Participants`,
 * `## Agenda`): that is a section of minutes whose title is missing, and advice to make it
 * the title (`# Participants`) would be wrong.
 */
function titleSectionOf(sections: Section[]): Section | null {
  const first = sections[0] ?? null
  if (first === null || first.depth === 1 || dateInHeading(first) !== null) return first
  const levelOne = sections.find((section) => section.depth === 1)
  if (levelOne) return levelOne
  return MEETING_PART.test(first.title) ? null : first
}

/** A heading that opens with the name of a part of any meeting (emoji shortcodes and symbols before it aside). */
const MEETING_PART = /^[^\p{L}\p{N}]*(?::[a-z_]+:\s*)*(?:participants|attendees|attendance|present|agenda|action items|actions|todos?)\b/iu

function findMinuteTaker(tree: Root, sections: Section[], profile: Profile): MinutesModel['minuteTaker'] {
  const labels = profile.minuteTaker.labels.map((label) => label.toLowerCase())
  if (labels.length === 0) return null
  const meta = sections.find((section) => headingKey(section.title) === headingKey(profile.minuteTaker.section))
  if (!meta) return null
  let taker: MinutesModel['minuteTaker'] = null
  for (const node of tree.children.slice(meta.start + 1, meta.end)) {
    visit(node, 'paragraph', (paragraph) => {
      const text = toString(paragraph).trim()
      const colon = text.indexOf(':')
      if (colon < 0 || !labels.includes(text.slice(0, colon).trim().toLowerCase())) return undefined
      const name = text.slice(colon + 1).trim()
      if (name !== '') taker = { name, position: paragraph.position }
      return taker ? false : undefined
    })
    if (taker) break
  }
  return taker
}

function findTeamSections(tree: Root, sections: Section[], context: ModelContext): TeamSection[] {
  const wrapperKeys = new Set(
    context.profile.requiredSections
      .filter((required) => required.satisfiedByTeamSections)
      .flatMap((required) => [required.name, ...required.aliases])
      .map(headingKey),
  )
  if (wrapperKeys.size === 0) return []
  const wrappers = sections.filter((section) => wrapperKeys.has(headingKey(section.title)))
  const candidates = wrappers.length > 0 ? wrappers.flatMap((wrapper) => childSections(sections, wrapper)) : unwrappedTeamSections(sections)
  return candidates
    .map((section) => describeTeamSection(tree, section, context))
    .filter((team) => team.minutesLine !== null || looksLikeTeamHeading(team.section.title))
}

/**
 * Without a heading that wraps them, the team sections are the headings that look like a
 * team's at the shallowest level where any does: `## Team IaaS` at the top, or `### Team
 * IaaS` under a heading of another name (`## Project updates`).
 */
function unwrappedTeamSections(sections: Section[]): Section[] {
  const teamLike = sections.filter((section) => section.depth >= 2 && looksLikeTeamHeading(section.title))
  const depth = Math.min(...teamLike.map((section) => section.depth))
  return teamLike.filter((section) => section.depth === depth)
}

function describeTeamSection(tree: Root, section: Section, context: ModelContext): TeamSection {
  const ownNodes = tree.children.slice(section.start + 1, ownContentEnd(tree, section))
  const minutesLine = ownNodes.find(isMinutesLine) ?? null
  const links = minutesLine ? linksIn(minutesLine) : []
  const placeholder = minutesLine ? placeholderOf(minutesLine, links, context.config.placeholders) : null
  const linkedFolder = folderOfLinks(links, context)
  const kind = minutesLine === null ? 'none' : placeholder === null && linksToMinutes(links, context) ? 'link' : 'placeholder'
  return {
    section,
    minutesLine,
    kind,
    placeholder: kind === 'placeholder' && minutesLine ? placeholderAsWritten(minutesLine, links) : null,
    links,
    folder: inferTeamFolder(section.title, context.index.folders, context.config.teams, linkedFolder),
    hasContent: section.end > section.start + 1,
  }
}

function isMinutesLine(node: RootContent): node is Paragraph {
  return node.type === 'paragraph' && /^\s*minutes\b/i.test(toString(node))
}

/** The words after `Minutes` (and its colon), e.g. `None yet` or `not available yet: <url>`. */
function minutesValueText(paragraph: Paragraph | null): string {
  if (!paragraph) return ''
  return toString(paragraph).replace(/^\s*minutes\b\s*:?\s*/i, '').trim()
}

/**
 * What the line says instead of a link to minutes, as written: `None yet`, `(none yet)`,
 * `Minutes not available yet`; a line holding only a folder link says that link's text.
 */
function placeholderAsWritten(paragraph: Paragraph, links: Link[]): string {
  const clean = (text: string) => trimTrailing(text.replace(/^\s*minutes\s*:\s*/i, ''), ':').replace(/\s+/g, ' ').trim()
  let text = toString(paragraph)
  for (const link of links) text = text.replace(toString(link), ' ')
  const written = clean(text)
  if (written !== '') return written
  const linked = clean(toString(paragraph))
  return linked === '' ? '(nothing)' : linked
}

/** The placeholder phrase of a `Minutes:` line, or null when it says none of them. */
function placeholderOf(paragraph: Paragraph, links: Link[], placeholders: string[]): string | null {
  let value = minutesValueText(paragraph)
  for (const link of links) value = value.replace(toString(link), ' ')
  const phrase = value.replace(/[()[\]<>:.!*_]/g, ' ').replace(/\s+/g, ' ').trim()
  if (phrase === '') return null
  return placeholders.includes(phrase.toLowerCase()) || placeholders.includes(`minutes ${phrase.toLowerCase()}`) ? phrase : null
}

function linksIn(node: Paragraph): Link[] {
  const links: Link[] = []
  visit(node, 'link', (link) => {
    links.push(link)
  })
  return links
}

/**
 * Whether a link may be the team's minutes: a file of this repository, or a link elsewhere
 * (another repository, a pad, or github.com when the repository is unknown), which is not
 * ours to check. A link to a folder only is no minutes.
 */
function linksToMinutes(links: Link[], context: ModelContext): boolean {
  return links.some((link) => {
    const target = resolveLink(link.url, context.path, context.config.repository, context.index)
    return target.kind === 'elsewhere' ? !link.url.trim().startsWith('#') : !target.wantsFolder
  })
}

function folderOfLinks(links: Link[], context: ModelContext): string | null {
  for (const link of links) {
    const target = resolveLink(link.url, context.path, context.config.repository, context.index)
    if (target.kind !== 'repo') continue
    const folder = target.wantsFolder ? target.path : splitPath(target.path)[0]
    if (folder !== '') return folder
  }
  return null
}

/**
 * Links and text nodes of the whole document, in one walk (the hot path of a run). A plain
 * pre-order walk on a stack, in `visit`'s order: `visit` keeps each node's ancestors and
 * tests each node through a generic matcher, which cost most of the model's time here.
 */
function collectLinksAndTexts(tree: Root): { links: DocumentLink[]; texts: Text[] } {
  const links: DocumentLink[] = []
  const texts: Text[] = []
  const stack: Array<Root | RootContent> = [tree]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text') texts.push(node)
    else if (node.type === 'link') links.push({ node, url: node.url })
    const children: unknown = (node as { children?: unknown }).children
    // Pushed last first, so the first child is walked next.
    if (Array.isArray(children)) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as RootContent)
  }
  return { links, texts }
}

import type { Paragraph, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { frontMatterOf } from '../model/build-model.js'
import { childSections, ownContentEnd, sectionsOf } from '../model/sections.js'
import { looksLikeTeamHeading } from '../model/team-folder.js'
import type { Section } from '../model/types.js'
import { findDateInText } from '../repo/dates.js'

/** Words that introduce the minute-taker (`Minutes: Jonas`, `Scribe: Ana`), compared in lower case. */
export const MINUTE_TAKER_LABELS = [
  'minutes',
  'minute taker',
  'minute-taker',
  'minutes by',
  'minutes taken by',
  'taken by',
  'notes',
  'notes by',
  'note taker',
  'note-taker',
  'notetaker',
  'scribe',
  'secretary',
  'recording secretary',
  'recorder',
  'protocol',
]

/** A heading under the title: a candidate for a required section. */
export interface SectionFact {
  /** As written, without a trailing colon. */
  title: string
  /** Its subsections that stand for teams (a team-like heading or a `Minutes:` line). */
  teamChildren: TeamFact[]
}

/** A part of the minutes about a team, and where its `Minutes:` line links. */
export interface TeamFact {
  title: string
  /** The link targets of its `Minutes:` line, as written. */
  minutesLinks: string[]
}

/** A `Label: name` line naming who took the minutes, and the section it stands in. */
export interface MinuteTakerFact {
  label: string
  /** The innermost section below the title holding it, as written; null when directly under the title. */
  section: string | null
}

/** What `init` reads from one minutes file. */
export interface FileFacts {
  path: string
  frontMatter: Record<string, unknown> | null
  /** Depth of the title heading (the first level-1 heading, else the first heading); null: no heading. */
  titleDepth: number | null
  /** The title holds a real calendar date. */
  titleHasDate: boolean
  /** The front matter key whose value is an ISO date (`date: 2026-01-15`), if any. */
  frontMatterDateKey: string | null
  /** The headings one level below the title, team headings and dated headings left out. */
  sections: SectionFact[]
  /** Team headings at that same level (weekly minutes without a "Team updates" wrapper). */
  topLevelTeams: TeamFact[]
  minuteTakers: MinuteTakerFact[]
  /** Every link target in the file, as written. */
  links: string[]
  /** Each line of text of its paragraphs (list items' included), trimmed: where markers open lines. */
  lines: string[]
  /** Each heading with the first lines of the items of the lists right under it. */
  headedLists: HeadedList[]
}

/** A heading and the items of the lists in its own content (`## Actions` → `Dave to send the budget`). */
export interface HeadedList {
  heading: string
  items: string[]
}

/** Reads the facts `init` infers from, out of one parsed file. Pure, tolerant of any tree. */
export function factsOf(path: string, tree: Root, placeholders: readonly string[]): FileFacts {
  const sections = sectionsOf(tree)
  const title = sections.find((section) => section.depth === 1) ?? sections[0] ?? null
  const frontMatter = frontMatterOf(tree)
  const sectionDepth = (title?.depth ?? 1) + 1
  const topLevel = sections.filter((section) => section.depth === sectionDepth && section !== title)
  const headings = topLevel
    .filter((section) => section.title !== '' && findDateInText(section.title) === null)
    .map((section) => ({
      section,
      fact: {
        title: section.title.replace(/[\s:]+$/, ''),
        teamChildren: childSections(sections, section)
          .map((child) => teamFactOf(tree, child))
          .filter((team): team is TeamFact => team !== null),
      },
    }))
  // `## Team updates` looks like a team heading too; holding team sections makes it their wrapper.
  const isTeam = ({ section, fact }: (typeof headings)[number]) => looksLikeTeamHeading(section.title) && fact.teamChildren.length === 0
  const links: string[] = []
  visit(tree, 'link', (link) => {
    links.push(link.url)
  })
  return {
    path,
    frontMatter,
    titleDepth: title?.depth ?? null,
    titleHasDate: title !== null && findDateInText(title.title)?.valid === true,
    frontMatterDateKey: dateKeyOf(frontMatter),
    sections: headings.filter((heading) => !isTeam(heading)).map((heading) => heading.fact),
    topLevelTeams: headings
      .filter(isTeam)
      .map(({ section }) => teamFactOf(tree, section) ?? { title: section.title, minutesLinks: [] }),
    minuteTakers: minuteTakersOf(tree, sections, title, placeholders),
    links,
    lines: textLinesOf(tree),
    headedLists: sections.map((section) => ({ heading: section.title.replace(/[\s:]+$/, ''), items: listItemsUnder(tree, section) })).filter((list) => list.items.length > 0),
  }
}

function textLinesOf(tree: Root): string[] {
  const lines: string[] = []
  visit(tree, 'paragraph', (paragraph) => {
    for (const line of toString(paragraph).split('\n')) if (line.trim() !== '') lines.push(line.trim())
  })
  return lines
}

/** The first line of each item of the lists in a section's own content (not its subsections'). */
function listItemsUnder(tree: Root, section: Section): string[] {
  const items: string[] = []
  for (const node of tree.children.slice(section.start + 1, ownContentEnd(tree, section))) {
    if (node.type !== 'list') continue
    for (const item of node.children) {
      const first = item.children[0]
      const line = first?.type === 'paragraph' ? (toString(first).split('\n')[0] ?? '').trim() : ''
      if (line !== '') items.push(line)
    }
  }
  return items
}

function dateKeyOf(frontMatter: Record<string, unknown> | null): string | null {
  for (const [key, value] of Object.entries(frontMatter ?? {})) {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : ''
    const date = findDateInText(text)
    if (date?.valid && date.raw === text.trim()) return key
  }
  return null
}

/** A section that stands for a team: a team-like heading, or one whose own text has a `Minutes:` line. */
function teamFactOf(tree: Root, section: Section): TeamFact | null {
  if (section.title === '') return null
  const own = tree.children.slice(section.start + 1, ownContentEnd(tree, section))
  const minutesLine = own.find(isMinutesLine)
  if (!minutesLine && !looksLikeTeamHeading(section.title)) return null
  const minutesLinks: string[] = []
  if (minutesLine) {
    visit(minutesLine, 'link', (link) => {
      minutesLinks.push(link.url)
    })
  }
  return { title: section.title, minutesLinks }
}

function isMinutesLine(node: RootContent): node is Paragraph {
  return node.type === 'paragraph' && /^\s*minutes\b/i.test(toString(node))
}

function minuteTakersOf(tree: Root, sections: Section[], title: Section | null, placeholders: readonly string[]): MinuteTakerFact[] {
  const found: MinuteTakerFact[] = []
  tree.children.forEach((node, index) => {
    visit(node, 'paragraph', (paragraph) => {
      const text = toString(paragraph).trim()
      const colon = text.indexOf(':')
      if (colon < 0) return
      const label = text.slice(0, colon).trim()
      const value = text.slice(colon + 1).trim()
      if (!MINUTE_TAKER_LABELS.includes(label.toLowerCase()) || !namesAPerson(paragraph, value, placeholders)) return
      const holder = innermostSection(sections, index, title)?.title.replace(/[\s:]+$/, '')
      found.push({ label, section: holder || null })
    })
  })
  return found
}

/** `Minutes: Jonas` names a person; `Minutes: https://…` and `Minutes: None yet` do not. */
function namesAPerson(paragraph: Paragraph, value: string, placeholders: readonly string[]): boolean {
  if (value === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false
  let linked = false
  visit(paragraph, 'link', () => {
    linked = true
  })
  const phrase = value.replace(/[()[\]<>:.!*_]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()
  return !linked && !placeholders.includes(phrase)
}

function innermostSection(sections: Section[], childIndex: number, title: Section | null): Section | null {
  let holder: Section | null = null
  for (const section of sections) {
    if (section === title || section.start >= childIndex || section.end <= childIndex) continue
    if (title && section.depth <= title.depth) continue
    if (!holder || section.start > holder.start) holder = section
  }
  return holder
}

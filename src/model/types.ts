import type { Heading, Link, Paragraph, Text } from 'mdast'
import type { Position } from 'unist'

/** A heading of the document, with where its section ends. */
export interface Section {
  heading: Heading
  /** The heading's plain text, trimmed. */
  title: string
  depth: number
  /** Index of the heading in the root's children, and of the first node after its section. */
  start: number
  end: number
}

/** A date written in the title (`2023-03-22`, `9 February 2015`, `02/09/2015`: see written-dates.ts). */
export interface TitleDate {
  raw: string
  /** `YYYY-MM-DD` as written; for an ambiguous date, its day-first reading, which is not the meeting date. */
  normalized: string
  /** The title names one real calendar day, `normalized` (not so for an ambiguous date). */
  valid: boolean
  canonical: boolean
  /** The two days a numeric date such as `02/09/2015` can mean when neither is the file name's. */
  ambiguous?: readonly [string, string]
  position: Position
}

/** One meeting of a running file: a dated heading and the text up to the next meeting. */
export interface Meeting {
  section: Section
  /** The heading's date as written (`**2024-12-10**`, `9 February 2015`). */
  date: TitleDate
  /** The heading's plain text, e.g. `2024-11-26 - Canceled`. */
  title: string
  /** The heading's line, and the last line of the meeting's last block. */
  line: number
  endLine: number
  /** The meeting did not take place (`Canceled`, `No meeting`): it needs no sections. */
  canceled: boolean
}

/** What a team section says after `Minutes:`. */
export type TeamMinutesKind = 'link' | 'placeholder' | 'none'

/** A team's part of the weekly minutes (`### Team IaaS`). */
export interface TeamSection {
  section: Section
  /** The paragraph holding `Minutes: ...`, if any. */
  minutesLine: Paragraph | null
  kind: TeamMinutesKind
  /** The placeholder as written (`None yet`), for messages. */
  placeholder: string | null
  /** Links in the `Minutes:` line. */
  links: Link[]
  /** The repository folder holding this team's minutes, when known (config, link or heading). */
  folder: string | null
  /** The section has content besides its heading. */
  hasContent: boolean
}

/** A link anywhere in the document. */
export interface DocumentLink {
  node: Link
  url: string
}

/** What the rules know about one minutes file: built once from its syntax tree. */
export interface MinutesModel {
  path: string
  profile: string
  frontMatter: Record<string, unknown> | null
  /** The first level-1 heading, or the first heading at all when there is none. */
  title: { heading: Heading; text: string } | null
  titleDate: TitleDate | null
  /** The date the path holds, by the date patterns (`20230323.md`, `2022-09-27-gx-hackathon-5/minutes.md`). */
  fileDate: string | null
  /** The date under the profile's `frontMatterDate` key, when it is a real day. */
  frontMatterDate: string | null
  /** The meeting date: from the path, else the front matter, else the title. */
  date: string | null
  minuteTaker: { name: string; position: Position | undefined } | null
  sections: Section[]
  /** The meetings of a running file (profile `kind: running`), in file order; empty otherwise. */
  meetings: Meeting[]
  teams: TeamSection[]
  links: DocumentLink[]
  /** Every text node, in document order (code is not text). */
  texts: Text[]
}

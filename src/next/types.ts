import type { Root } from 'mdast'
import type { ActionItem } from '../action-items/index.js'
import type { Profile } from '../config/types.js'
import type { MinutesModel } from '../model/types.js'

/** One earlier meeting of the series, parsed once: what the next one is prepared from. */
export interface PastMeeting {
  path: string
  /** The meeting day, `YYYY-MM-DD` (from the path). */
  date: string
  /** Index of the date pattern its path matched. */
  pattern: number
  /** The file's text, to copy headings as written. */
  text: string
  tree: Root
  model: MinutesModel
  profile: Profile
  actionItems: ActionItem[]
}

/** An open action item to carry over: the previous meeting's, or an open issue's (with its number). */
export interface CarriedItem {
  owners: string[]
  text: string
  /** The issue tracking it; null offline. */
  issue: number | null
}

/** An open issue or pull request carrying the series' agenda label. */
export interface AgendaEntry {
  number: number
  title: string
  url: string
}

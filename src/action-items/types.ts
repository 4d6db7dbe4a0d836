/** One action item found in a file of minutes. */
export interface ActionItem {
  /** Where the item starts: its list item, or the line it was cut from (1-based). */
  line: number
  column: number
  endLine: number
  endColumn: number
  /** GitHub logins without `@`, lower case, deduplicated, in the order written. */
  owners: string[]
  /** What is to be done: no marker, owners, emphasis or glue; single-spaced. */
  text: string
  /** Checked box, `**DONE**`, `✅`, `(done)`, or a sub-bullet saying done. */
  done: boolean
  /** `YYYY-MM-DD` from `by 2023-05-04` / `due: 2023-05-04`, else null. */
  due: string | null
  /** Stable fingerprint of owners and text; see `fingerprint`. */
  id: string
  /** Text of the nearest heading above, for context; null before the first heading. */
  section: string | null
  /** Where the item stands in the minutes, quoted: what its text may lean on ("cancel it"). */
  context: ItemContext
  /**
   * Issues the item's line references (`#123`, a link's URL), read from its text and link
   * nodes; absent when none. The plan takes a reference to an action-item issue of the
   * repository as the item's identity (src/plan/plan-issues.ts).
   */
  references?: IssueReference[]
}

/** A reference written in an item: `#123` (number), or a link (url, to be compared with an issue's). */
export interface IssueReference {
  number: number | null
  url: string | null
}

/** The headings and list items an action item sits under, as written (tidied), outermost first. */
export interface ItemContext {
  /** Headings above the item, each under the one before; headings that only label a list of items (`Action items`) are left out. */
  headings: string[]
  /** Text of the list items the item is nested in; list items that only label their sub-list (`Pending action items`) are left out. */
  parents: string[]
}

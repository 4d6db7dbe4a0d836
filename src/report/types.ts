import type { Severity } from '../constants.js'
import type { ActionItem } from '../action-items/index.js'
import type { TeamReport } from '../model/team-report.js'

/** One positioned finding: what the CLI prints, the JSON holds and annotations show. */
export interface Finding {
  rule: string
  severity: Severity
  line: number
  column: number
  endLine: number
  endColumn: number
  message: string
  /** The message as safe Markdown (our code spans kept, text from the minutes escaped), for the PR comment. */
  markdown?: string
  suggestion?: string
  /**
   * Set when the suppressions file accepts this finding: its severity is then `info`
   * (a notice that does not fail), and `suppressedSeverity` is what it was.
   */
  suppressed?: true
  suppressedSeverity?: Severity
}

/** Everything found in one minutes file. */
export interface FileReport {
  /** Relative to the repository root, `/`-separated. */
  path: string
  profile: string
  date: string | null
  findings: Finding[]
  /** Team sections of weekly minutes and what their `Minutes:` lines link. */
  teams: TeamReport[]
  actionItems: ActionItem[]
  /** A running file's meetings (profile `kind: running`), in file order; absent for a file of one meeting. */
  meetings?: MeetingReport[]
}

/** One meeting of a running file: its heading's date (null when not a real day), line and text. */
export interface MeetingReport {
  date: string | null
  line: number
  title: string
  /** The meeting's last line: its items lie between `line` and it. */
  endLine: number
}

/** The result of a run: the stable JSON the CLI prints with `--format json` (version 1). */
export interface RunReport {
  version: 1
  files: FileReport[]
  summary: {
    files: number
    errors: number
    warnings: number
    actionItems: number
    /** Findings the suppressions file accepted (counted as notes); absent when none. */
    suppressed?: number
  }
}

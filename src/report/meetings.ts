import type { MeetingReport } from './types.js'
import type { Meeting } from '../model/types.js'

/** A running file's meetings as the report carries them: plain data, in file order. */
export function meetingReportsOf(meetings: readonly Meeting[]): MeetingReport[] {
  return meetings.map((meeting) => ({
    date: meeting.date.valid ? meeting.date.normalized : null,
    line: meeting.line,
    title: meeting.title,
    endLine: meeting.endLine,
  }))
}

/**
 * The meeting date of a line of a report's file: the date of the running file's meeting holding
 * it, else (a file of one meeting, or a running file's preamble) the file's date.
 */
export function meetingDateAt(file: { date: string | null; meetings?: readonly MeetingReport[] }, line: number): string | null {
  const meeting = file.meetings?.find((one) => one.line <= line && line <= one.endLine)
  return meeting ? meeting.date : file.date
}

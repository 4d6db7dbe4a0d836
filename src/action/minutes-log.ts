import { randomUUID } from 'node:crypto'
import { logLine } from '../markup/log-line.js'

/**
 * Writes log lines that carry text from the minutes (paths, findings, titles) so that none of
 * it is read as a workflow command: each block is wrapped in `::stop-commands::<token>` …
 * `::<token>::`, the runner's documented way, with one random token per run (text that
 * guessed it could resume commands), and each line has its line breaks escaped (`logLine`).
 * Our own annotations and `setFailed` are written outside the blocks, so they still count.
 *
 * The runner also reads the legacy `##[command]` form anywhere in a line, not only at its
 * start (ActionCommand.TryParse in actions/runner): only stopping commands covers that.
 */
export type MinutesLog = (lines: readonly string[]) => void

/** A `MinutesLog` over `write` (one call per line, as `core.info`); the token is random unless a test gives one. */
export function minutesLog(write: (line: string) => void, token: string = randomUUID()): MinutesLog {
  return (lines) => {
    if (lines.length === 0) return
    write(`::stop-commands::${token}`)
    for (const line of lines) write(logLine(line))
    write(`::${token}::`)
  }
}

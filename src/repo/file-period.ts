import { posix } from 'node:path'

/** The year or month a running file's name stands for: `2024.md` → `2024`, `2024-03.md` → `2024-03`. */
export interface FilePeriod {
  /** `YYYY` or `YYYY-MM`: every meeting date in the file starts with it. */
  period: string
  /** The file name as written, for messages. */
  written: string
}

// Over a file name's stem only; a full date (`2024-03-05`) is a single meeting's, not a period.
const PERIOD = /^(\d{4})(?:[-_]?(0[1-9]|1[0-2]))?(?![-_]?\d)/

/** The period a running file's name holds; null when it names none (`notes.md`, `2024-03-05.md`). */
export function periodOfPath(path: string): FilePeriod | null {
  const written = posix.basename(path)
  const match = PERIOD.exec(written.replace(/\.[^.]*$/, ''))
  if (!match) return null
  return { period: match[2] ? `${match[1]}-${match[2]}` : (match[1] as string), written }
}

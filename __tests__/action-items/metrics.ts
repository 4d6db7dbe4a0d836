import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'

/** Where the action-item tests leave their measured figures for the lead to quote. */
export const METRICS_FILE = join(PROJECT_ROOT, 'build/action-items-metrics.json')

const LOCK = `${METRICS_FILE}.lock`

/**
 * Merges `figures` under `key` into the metrics file. Test files run in parallel workers,
 * so the read-modify-write holds a directory lock (mkdir is atomic) and replaces the file
 * by rename, so a reader never sees half a file.
 */
export function recordMetrics(key: string, figures: unknown): void {
  mkdirSync(join(PROJECT_ROOT, 'build'), { recursive: true })
  withLock(() => {
    let current: Record<string, unknown> = {}
    try {
      current = JSON.parse(readFileSync(METRICS_FILE, 'utf8')) as Record<string, unknown>
    } catch {
      // No file yet, or one left broken by an interrupted run: start afresh.
    }
    current[key] = figures
    const temporary = `${METRICS_FILE}.${process.pid}.tmp`
    writeFileSync(temporary, `${JSON.stringify(current, null, 2)}\n`)
    renameSync(temporary, METRICS_FILE)
  })
}

function withLock(body: () => void): void {
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(LOCK)
      break
    } catch (error) {
      // After a second, assume a lock left by a killed run and take it over.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) break
      Atomics.wait(pause, 0, 0, 10)
    }
  }
  try {
    body()
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}

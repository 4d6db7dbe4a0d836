import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe } from '@jest/globals'
import { PROJECT_ROOT } from './project-root.js'

export { PROJECT_ROOT }

/** The real minutes (verbatim third-party files, never copied into the project). */
export const REAL_MINUTES = resolve(PROJECT_ROOT, '../shared/fixtures/scs-minutes')

/** The repository the real minutes come from: their absolute links point into it. */
export const REAL_REPOSITORY = 'SovereignCloudStack/minutes'

/** Whether the real minutes are next to this checkout. */
export const realMinutesAvailable = existsSync(REAL_MINUTES)

/** `describe` for tests on the real minutes: skipped, saying why, where they are absent. */
export function describeRealMinutes(name: string, body: () => void): void {
  if (realMinutesAvailable) {
    describe(name, body)
  } else {
    describe.skip(`${name} (skipped: ${REAL_MINUTES} is absent)`, body)
    process.stderr.write(`Skipping “${name}”: the real minutes are not at ${REAL_MINUTES}.\n`)
  }
}

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, test } from '@jest/globals'
import { PROJECT_ROOT } from './project-root.js'

export { PROJECT_ROOT }

/** The real minutes (verbatim third-party files, never copied into the project). */
export const REAL_MINUTES = resolve(PROJECT_ROOT, '../shared/fixtures/scs-minutes')

/** The repository the real minutes come from: their absolute links point into it. */
export const REAL_REPOSITORY = 'SovereignCloudStack/minutes'

/** Whether the real minutes are next to this checkout. */
export const realMinutesAvailable = existsSync(REAL_MINUTES)

/**
 * Set by .ci/run when CI has a copy of shared/ beside the clone: the real-minutes suites must
 * then run, and fail rather than skip should this checkout not find the fixtures.
 */
export const realMinutesRequired = process.env.MINUTES_REAL_FIXTURES === 'required'

/** `describe` for tests on the real minutes: skipped, saying why, where they are absent (failing where CI has them). */
export function describeRealMinutes(name: string, body: () => void): void {
  if (realMinutesAvailable) {
    describe(name, body)
  } else if (realMinutesRequired) {
    describe(name, () => {
      test('finds the real minutes', () => {
        throw new Error(`MINUTES_REAL_FIXTURES=required, but ${REAL_MINUTES} is absent`)
      })
    })
  } else {
    describe.skip(`${name} (skipped: ${REAL_MINUTES} is absent)`, body)
    process.stderr.write(`Skipping “${name}”: the real minutes are not at ${REAL_MINUTES}.\n`)
  }
}

/** The larger real sample of the same repository (158 Markdown files, one symbolic link), beside REAL_MINUTES. */
export const REAL_MINUTES_SAMPLE = resolve(PROJECT_ROOT, '../shared/fixtures/scs-minutes-sample')

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

/**
 * `describe` for tests on a folder of real minutes: skipped, saying why, where it is absent
 * (failing where CI has the fixtures).
 */
export function describeWithFixture(folder: string, what: string): (name: string, body: () => void) => void {
  return (name, body) => {
    if (existsSync(folder)) {
      describe(name, body)
    } else if (realMinutesRequired) {
      describe(name, () => {
        test(`finds ${what}`, () => {
          throw new Error(`MINUTES_REAL_FIXTURES=required, but ${folder} is absent`)
        })
      })
    } else {
      describe.skip(`${name} (skipped: ${folder} is absent)`, body)
      process.stderr.write(`Skipping “${name}”: ${what} is not at ${folder}.\n`)
    }
  }
}

/** `describe` for tests on the real minutes (the small tree). */
export const describeRealMinutes = describeWithFixture(REAL_MINUTES, 'the real minutes')

/** The larger real sample of the same repository (158 Markdown files, one symbolic link), beside REAL_MINUTES. */
export const REAL_MINUTES_SAMPLE = resolve(PROJECT_ROOT, '../shared/fixtures/scs-minutes-sample')

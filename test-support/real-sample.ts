import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, test } from '@jest/globals'
import { PROJECT_ROOT } from './project-root.js'
import { realMinutesRequired } from './real-minutes.js'

/** The larger real sample (verbatim third-party files: read in place or copied to a temp dir, never into the project). */
export const REAL_SAMPLE = resolve(PROJECT_ROOT, '../shared/fixtures/scs-minutes-sample')

/** Whether the real sample is next to this checkout. */
export const realSampleAvailable = existsSync(REAL_SAMPLE)

/** `describe` for tests on the real sample: skipped, saying why, where it is absent (failing where CI requires the fixtures). */
export function describeRealSample(name: string, body: () => void): void {
  if (realSampleAvailable) {
    describe(name, body)
  } else if (realMinutesRequired) {
    describe(name, () => {
      test('finds the real sample', () => {
        throw new Error(`MINUTES_REAL_FIXTURES=required, but ${REAL_SAMPLE} is absent`)
      })
    })
  } else {
    describe.skip(`${name} (skipped: ${REAL_SAMPLE} is absent)`, body)
    process.stderr.write(`Skipping “${name}”: the real sample is not at ${REAL_SAMPLE}.\n`)
  }
}

import { existsSync } from 'node:fs'
import { REAL_MINUTES_SAMPLE, describeWithFixture } from './real-minutes.js'

/** The larger real sample (verbatim third-party files: read in place or copied to a temp dir, never into the project). */
export const REAL_SAMPLE = REAL_MINUTES_SAMPLE

/** Whether the real sample is next to this checkout. */
export const realSampleAvailable = existsSync(REAL_SAMPLE)

/** `describe` for tests on the real sample: skipped, saying why, where it is absent (failing where CI requires the fixtures). */
export const describeRealSample = describeWithFixture(REAL_SAMPLE, 'the real sample')

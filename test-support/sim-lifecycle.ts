import { expect } from '@jest/globals'
import { simCommentProblems } from './github-markdown.js'
import type { GitHubSim } from './github-sim/index.js'

/**
 * The end of a test on the simulation: no request broke GitHub's API description and,
 * unless told otherwise, every summary comment reads as we meant it once rendered as GitHub
 * renders it. The simulation is closed even when a check fails.
 */
export async function closeSim(sim: GitHubSim | undefined, options: { checkComments?: boolean } = {}): Promise<void> {
  if (!sim) return
  try {
    sim.assertNoViolations()
    if (options.checkComments ?? true) expect(simCommentProblems(sim)).toEqual([])
  } finally {
    await sim.close()
  }
}

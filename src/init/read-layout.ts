import { examineInThread } from '../check/check-in-thread.js'
import { defaultJobs, examineInWorkers, WorkersUnavailable, type WarmWorkers } from '../check/check-pool.js'
import type { FileTask } from '../check/examine-file.js'
import { RepositoryGate } from '../check/repository-gate.js'
import { DEFAULT_CONFIG } from '../config/defaults.js'
import { indexRepository } from '../repo/repo-index.js'
import { layoutsInThread, markdownPathsOf, type InitInput } from './infer-config.js'
import { layoutFactsOf, type LayoutFacts } from './layout-facts.js'

/**
 * The layout facts of `init`'s Markdown files, each parsed once, in worker threads (every
 * core, issue 22) when `workerScript` is given, under the check's budgets (the time budget
 * too): null for a file a budget stops, absent for one not read. The same as
 * `layoutsInThread`, which runs when there is no worker script or workers cannot start.
 * With `warm` workers, each keeps the trees it parsed, for the preview check on them. The
 * workers run the CLI bundle, whose `serveChecks` reads the trees with `layoutFactsOf`.
 */
export async function readLayout(input: InitInput, workerScript: string | URL | null, warm: WarmWorkers | null = null): Promise<Map<string, LayoutFacts | null>> {
  if (!workerScript) return layoutsInThread(input)
  const tasks = markdownPathsOf(input.paths).flatMap((path): FileTask[] => {
    const content = input.files.get(path)
    // Warm workers keep the trees for the preview check, which then parses nothing again.
    return content === undefined ? [] : [{ path, content, check: 'never', wantsLinks: false, wantsFacts: true, keep: warm !== null }]
  })
  const context = { config: DEFAULT_CONFIG, allPaths: [...input.paths] }
  // The repository does not matter here: no file is checked.
  const gate = new RepositoryGate(null)
  const jobs = defaultJobs(tasks)
  let examined
  try {
    examined = jobs > 0 ? await examineInWorkers(tasks, { ...context, removed: [] }, gate, { jobs, workerScript, warm }) : null
  } catch (error) {
    if (!(error instanceof WorkersUnavailable)) throw error
    examined = null
  }
  examined ??= await examineInThread(tasks, { config: DEFAULT_CONFIG, index: indexRepository(input.paths), removed: new Set(), readTree: layoutFactsOf }, gate, true)
  // What `layoutFactsOf` read in each worker (the CLI bundle's `readTree`).
  return new Map(tasks.map((task, at) => [task.path, (examined[at]!.facts as LayoutFacts | null | undefined) ?? null]))
}

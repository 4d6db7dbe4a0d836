import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import type { Config } from '../config/types.js'
import { compileDatePatterns } from '../repo/date-patterns.js'
import { indexRepository } from '../repo/repo-index.js'
import type { ParsedFile } from './check-source.js'
import { examineFile, type ExamineContext, type Examined, type FileTask, type HeldTrees, type RepositoryState, type TreeReader } from './examine-file.js'

/** Marks the data a check worker starts with, so a bundle re-entered as a worker knows what it is. */
export const CHECK_WORKER = 'minutes-automation/check-worker@1'

/**
 * What a check worker starts with: only its mark, so that it can start (and load its bundle)
 * before the run knows its configuration and files (issue 22); those come in `CheckSetup`.
 */
export interface CheckWorkerData {
  kind: typeof CHECK_WORKER
}

/**
 * The first message of each run to a worker: the run's configuration and the repository's
 * file list. A worker serves one run after another in the same process (`init`).
 */
export interface CheckSetup {
  kind: 'setup'
  config: Config
  allPaths: string[]
  /** Paths the change removed (files asked `if-linking` are checked when they link to one). */
  removed: string[]
}

/**
 * A file to examine, main thread → worker, with the repository as far as it is known. A file
 * the worker answered `held` is sent again once it is: the worker checks the tree it kept.
 */
export interface CheckRequest extends FileTask {
  kind: 'examine'
  id: number
  repository: RepositoryState
}

/** The worker's answers: ready once set up, then one per request. */
export type CheckAnswer = { kind: 'ready' } | { kind: 'report'; id: number; examined: Examined }

/**
 * Whether this thread is a check worker. Bundles that start workers (the CLI, the action)
 * start them on their own file, and call this first thing to serve checks instead of running.
 */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<CheckWorkerData> | null)?.kind === CHECK_WORKER
}

/**
 * Serves check requests, after the setup, until the main thread ends this worker.
 * `readTree`: what the bundle reads of a tree for a task that wants it (the CLI: `init`'s layout).
 */
export function serveChecks(readTree?: TreeReader): void {
  const port = parentPort
  if (!port) throw new Error('serveChecks runs in a worker thread')
  let context: ExamineContext | null = null
  const held: HeldTrees = new Map()
  /** Trees kept for a later run: one whose budgets before the parse differ parses again. */
  const kept = new Map<string, ParsedFile>()
  port.on('message', (message: CheckSetup | CheckRequest) => {
    if (message.kind === 'setup') {
      const before = context?.config.limits
      const { limits } = message.config
      if (before && (before.maxFileBytes !== limits.maxFileBytes || before.maxNesting !== limits.maxNesting)) kept.clear()
      held.clear()
      context = { config: message.config, index: indexRepository(message.allPaths, compileDatePatterns(message.config.datePatterns)), removed: new Set(message.removed), kept, ...(readTree ? { readTree } : {}) }
      port.postMessage({ kind: 'ready' } satisfies CheckAnswer)
      return
    }
    if (!context) throw new Error('a check request came before the setup')
    const examined = examineFile(message, message.repository, context, held, message.id)
    port.postMessage({ kind: 'report', id: message.id, examined } satisfies CheckAnswer)
  })
}

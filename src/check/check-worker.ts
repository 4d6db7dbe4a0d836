import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import type { Config } from '../config/types.js'
import { compileDatePatterns } from '../repo/date-patterns.js'
import { indexRepository } from '../repo/repo-index.js'
import { examineFile, type Examined, type FileTask, type HeldTrees, type RepositoryState } from './examine-file.js'

/** Marks the data a check worker starts with, so a bundle re-entered as a worker knows what it is. */
export const CHECK_WORKER = 'minutes-automation/check-worker@1'

/** What a check worker starts with: the run's configuration and the repository's file list. */
export interface CheckWorkerData {
  kind: typeof CHECK_WORKER
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

/** Serves check requests until the main thread ends this worker. */
export function serveChecks(): void {
  const port = parentPort
  if (!port) throw new Error('serveChecks runs in a worker thread')
  const data = workerData as CheckWorkerData
  const context = { config: data.config, index: indexRepository(data.allPaths, compileDatePatterns(data.config.datePatterns)), removed: new Set(data.removed) }
  const held: HeldTrees = new Map()
  port.on('message', (request: CheckRequest) => {
    const examined = examineFile(request, request.repository, context, held, request.id)
    port.postMessage({ kind: 'report', id: request.id, examined } satisfies CheckAnswer)
  })
  port.postMessage({ kind: 'ready' } satisfies CheckAnswer)
}

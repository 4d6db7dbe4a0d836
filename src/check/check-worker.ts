import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import type { Config } from '../config/types.js'
import { compileDatePatterns } from '../repo/date-patterns.js'
import { indexRepository } from '../repo/repo-index.js'
import type { FileReport } from '../report/types.js'
import { checkSource } from './check-source.js'

/** Marks the data a check worker starts with, so a bundle re-entered as a worker knows what it is. */
export const CHECK_WORKER = 'minutes-automation/check-worker@1'

/** What a check worker starts with: the run's configuration and the repository's file list. */
export interface CheckWorkerData {
  kind: typeof CHECK_WORKER
  config: Config
  allPaths: string[]
}

/** A file to check, main thread → worker. */
export interface CheckRequest {
  id: number
  path: string
  content: Uint8Array | string
}

/** The worker's answers: ready once set up, then one report per request. */
export type CheckAnswer = { kind: 'ready' } | { kind: 'report'; id: number; report: FileReport | null }

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
  const context = { config: data.config, index: indexRepository(data.allPaths, compileDatePatterns(data.config.datePatterns)) }
  port.on('message', (request: CheckRequest) => {
    const report = checkSource({ path: request.path, content: request.content }, context)
    port.postMessage({ kind: 'report', id: request.id, report } satisfies CheckAnswer)
  })
  port.postMessage({ kind: 'ready' } satisfies CheckAnswer)
}

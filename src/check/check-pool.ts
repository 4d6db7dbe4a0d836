import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Config } from '../config/types.js'
import type { FileReport, Finding } from '../report/types.js'
import { engineFinding, uncheckedReport, type SourceFile } from './check-source.js'
import { CHECK_WORKER, type CheckAnswer, type CheckRequest, type CheckWorkerData } from './check-worker.js'

/** How a run spreads its files over worker threads. */
export interface PoolOptions {
  /** Worker threads; 0 checks in this thread (no time budget). */
  jobs: number
  /** The script a worker runs: a bundle (or module) that calls `serveChecks()` when `isCheckWorker()`. */
  workerScript: string | URL
}

/** Heap of one worker: a file whose check needs more gets a finding, not the run's memory. */
const WORKER_HEAP_MB = 1024

/** A worker that dies this many times before it is ready means workers cannot run here. */
const MAX_START_FAILURES = 2

/**
 * Default worker count: one per available core, at most one per file; none for one or two
 * files, where starting a worker costs more than it saves (a pull request's run).
 */
export function defaultJobs(files: number): number {
  return files <= 2 ? 0 : Math.min(availableParallelism(), files)
}

/** Thrown when workers cannot start at all; the caller checks in its own thread instead. */
export class WorkersUnavailable extends Error {
  override name = 'WorkersUnavailable'
}

/**
 * Checks files in worker threads, `jobs` at a time, and returns their reports in the order
 * of `sources` (null where no profile applies). A file that runs over the time budget has
 * its worker terminated and replaced, and gets one `file-too-complex` finding; a worker
 * that dies on a file gives that file an `internal` finding. The other files are unaffected.
 */
export function checkInWorkers(sources: readonly SourceFile[], context: { config: Config; allPaths: string[] }, options: PoolOptions): Promise<Array<FileReport | null>> {
  const data: CheckWorkerData = { kind: CHECK_WORKER, config: context.config, allPaths: context.allPaths }
  const budgetMs = context.config.limits.maxFileSeconds * 1000
  const results = new Array<FileReport | null>(sources.length)
  let next = 0
  let done = 0
  let startFailures = 0
  let settled = false

  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return
      settled = true
      if (error) reject(error)
      else resolve(results)
    }
    const record = (index: number, report: FileReport | null) => {
      results[index] = report
      done++
      if (done === sources.length) finish()
    }
    const stopped = (index: number, finding: Finding) => record(index, uncheckedReport(sources[index]!.path, context, finding))

    const startWorker = (): void => {
      if (settled || next >= sources.length) return
      const worker = new Worker(options.workerScript, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stdout: false, stderr: false })
      let ready = false
      let current: { index: number; timer: NodeJS.Timeout } | null = null
      let ended = false
      const end = () => {
        ended = true
        if (current) clearTimeout(current.timer)
        current = null
        void worker.terminate()
      }
      const dispatch = () => {
        if (settled || next >= sources.length) return end()
        const index = next++
        const source = sources[index]!
        const timer = setTimeout(() => {
          if (current?.index !== index) return
          end()
          const seconds = context.config.limits.maxFileSeconds
          stopped(index, engineFinding('file-too-complex', `Checking the file took longer than the budget of ${seconds} s (limits.maxFileSeconds); it was stopped and is not checked.`))
          startWorker()
        }, budgetMs)
        current = { index, timer }
        worker.postMessage({ id: index, path: source.path, content: source.content } satisfies CheckRequest)
      }
      const died = (reason: string) => {
        if (ended) return
        const failed = current
        end()
        if (!ready) {
          if (++startFailures >= MAX_START_FAILURES) return finish(new WorkersUnavailable(`a check worker could not start: ${reason}`))
          return startWorker()
        }
        if (failed) {
          const outOfMemory = reason.includes('ERR_WORKER_OUT_OF_MEMORY')
          const finding = outOfMemory
            ? engineFinding('file-too-complex', `Checking the file needed more than the memory budget of ${WORKER_HEAP_MB} MB; it was stopped and is not checked.`)
            : engineFinding('internal', `minutes-automation could not check this file (its worker stopped: ${reason}); please report this.`)
          stopped(failed.index, finding)
        }
        startWorker()
      }
      worker.on('message', (answer: CheckAnswer) => {
        if (answer.kind === 'ready') {
          ready = true
          return dispatch()
        }
        if (!current || current.index !== answer.id) return
        clearTimeout(current.timer)
        current = null
        record(answer.id, answer.report)
        dispatch()
      })
      worker.on('error', (error: Error & { code?: string }) => died(`${error.code ?? error.name}: ${error.message}`))
      worker.on('exit', (code) => died(`exit code ${code}`))
    }

    if (sources.length === 0) return finish()
    for (let slot = 0; slot < Math.min(options.jobs, sources.length); slot++) startWorker()
  })
}

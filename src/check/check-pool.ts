import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Config } from '../config/types.js'
import type { FileReport, Finding } from '../report/types.js'
import { overTimeBudget } from './check-in-thread.js'
import { engineFinding, uncheckedReport, type SourceFile } from './check-source.js'
import { CHECK_WORKER, type CheckAnswer, type CheckRequest, type CheckSetup, type CheckWorkerData } from './check-worker.js'
import type { Examination, FileTask } from './examine-file.js'
import { RepositoryGate } from './repository-gate.js'

/** How a run spreads its files over worker threads. */
export interface PoolOptions {
  /** Worker threads, at least one. */
  jobs: number
  /** The script a worker runs: a bundle (or module) that calls `serveChecks()` when `isCheckWorker()`. */
  workerScript: string | URL
  /** Workers started earlier (`WarmWorkers`), taken before any new one is started. */
  warm?: WarmWorkers | null
}

/** Heap of one worker: a file whose check needs more gets a finding, not the run's memory. */
const WORKER_HEAP_MB = 1024

/**
 * Young generation of one worker. V8 sizes it from the heap limit, larger than a
 * parse's short-lived objects need: 32 MB took the corpus run's peak memory from about
 * 285 to 225 MB, its time the same or 3–4 % less (`npm run bench`, 4 alternating rounds).
 */
const WORKER_YOUNG_GENERATION_MB = 32

/**
 * The young generation of a run's workers: `WORKER_YOUNG_GENERATION_MB`, or V8's own size
 * (null) when the run holds an unusual file. Its parse makes short-lived objects by the
 * hundred megabytes: in 32 MB they took about 90 scavenges instead of 35, and the check of
 * the 20,000-item file of `npm run bench` a tenth more CPU time (its peak memory is 510 MB
 * instead of 405; a run of ordinary files keeps the 32 MB).
 */
export function youngGenerationFor(sources: readonly SourceFile[]): number | null {
  return sources.some(isUnusual) ? null : WORKER_YOUNG_GENERATION_MB
}

/** A worker that dies this many times before it is ready means workers cannot run here. */
const MAX_START_FAILURES = 2

/**
 * A file this large, or with a line this long, is checked in a worker even in a run of one
 * or two files, under its memory cap as well as the time budget: no real minutes come near
 * (the largest real file is 40 KB, its longest line 1,329 characters), and the parser has
 * shapes the pre-scan does not know.
 */
const UNUSUAL_FILE_BYTES = 100_000
const UNUSUAL_LINE_LENGTH = 10_000

/**
 * Default worker count: one per available core, at most one per file; none for one or two
 * ordinary files, where starting a worker costs more than it saves (a pull request's run;
 * they are checked in this thread under the time budget's watchdog), but one for an
 * unusual file, for the worker's memory cap.
 */
export function defaultJobs(sources: readonly SourceFile[]): number {
  if (sources.length > 2) return Math.min(availableParallelism(), sources.length)
  return sources.some(isUnusual) ? 1 : 0
}

function isUnusual(source: SourceFile): boolean {
  const { content } = source
  if (content.length > UNUSUAL_FILE_BYTES) return true
  let lineStart = 0
  for (;;) {
    const end = typeof content === 'string' ? content.indexOf('\n', lineStart) : content.indexOf(0x0a, lineStart)
    if ((end === -1 ? content.length : end) - lineStart > UNUSUAL_LINE_LENGTH) return true
    if (end === -1) return false
    lineStart = end + 1
  }
}

/** Thrown when workers cannot start at all; the caller checks in its own thread instead. */
export class WorkersUnavailable extends Error {
  override name = 'WorkersUnavailable'
}

/**
 * Files a worker holds at once: the one it checks and the next, so it starts the next the
 * moment it is done instead of waiting for this thread (busy, or not scheduled, on a
 * machine whose cores the workers fill) to answer.
 */
const IN_FLIGHT = 2

/**
 * Checks files in worker threads, `jobs` at a time, and returns their reports in the order
 * of `sources` (null where no profile applies), with the run's repository known.
 */
export function checkInWorkers(sources: readonly SourceFile[], context: { config: Config; allPaths: string[] }, options: PoolOptions): Promise<Array<FileReport | null>> {
  const tasks = sources.map((source): FileTask => ({ path: source.path, content: source.content, check: 'always', wantsLinks: false }))
  return examineInWorkers(tasks, { ...context, removed: [] }, new RepositoryGate(context.config.repository), options).then((results) => results.map((result) => result.report))
}

/**
 * Examines files in worker threads, `jobs` at a time, each parsed once (issue 22), and
 * returns their reports in the order of `tasks` (null where no profile applies, or for a
 * file not to be checked). The links of files that want them go to `gate` as they come
 * in; a file whose check waits for the repository stays held in its worker (which keeps its
 * tree) until the gate settles, and is then checked there, before any other file.
 *
 * A file that runs over the time budget has its worker terminated and replaced, and gets
 * one `file-too-complex` finding; a worker that dies on a file gives that file an `internal`
 * finding. The other files are unaffected (a file queued behind the stopped one, or held by
 * it, goes to another worker).
 */
export function examineInWorkers(
  tasks: readonly FileTask[],
  context: { config: Config; allPaths: string[]; removed: readonly string[] },
  gate: RepositoryGate,
  options: PoolOptions,
): Promise<Examination[]> {
  const setup: CheckSetup = { kind: 'setup', config: context.config, allPaths: context.allPaths, removed: [...context.removed] }
  const budgetMs = context.config.limits.maxFileSeconds * 1000
  const youngGeneration = youngGenerationFor(tasks)
  const results = new Array<Examination>(tasks.length)
  // Files whose trees a warm worker kept (from `init`'s layout pass) go to that worker first.
  const homed = new Map<StartedWorker, number[]>()
  const shared: number[] = []
  tasks.forEach((task, at) => {
    const home = options.warm?.homeOf(task.path)
    if (!home) return shared.push(at)
    const list = homed.get(home)
    if (list) list.push(at)
    else homed.set(home, [at])
  })
  /** Files handed to a worker that stopped before it began them (or that held them): given out again first. */
  const requeued: number[] = []
  let done = 0
  let startFailures = 0
  let settled = false
  /** What each live worker does once the repository is known: check the files it holds. */
  const resumes = new Set<() => void>()

  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return
      settled = true
      if (error) reject(error)
      else resolve(results)
    }
    const record = (index: number, report: FileReport | null, linking = false, facts?: Examination['facts']) => {
      results[index] = facts === undefined ? { report, linking } : { report, linking, facts }
      done++
      if (done === tasks.length) finish()
    }
    const stopped = (index: number, finding: Finding) => {
      const task = tasks[index]!
      // It links nothing: the inference gets no links from it, and it links no removed path.
      if (task.wantsLinks) gate.links(index, [])
      record(index, task.check === 'always' ? uncheckedReport(task.path, context, finding) : null, false, task.wantsFacts ? null : undefined)
    }
    const hasWork = () => requeued.length > 0 || shared.length > 0 || [...homed.values()].some((list) => list.length > 0)
    /** Its own files first, then any other (another worker's kept file is parsed again: no core waits). */
    const takeWork = (started: StartedWorker): number => {
      const other = () => [...homed.values()].find((list) => list.length > 0)?.shift()
      return requeued.shift() ?? homed.get(started)?.shift() ?? shared.shift() ?? other()!
    }

    const startWorker = (): void => {
      if (settled || !hasWork()) return
      const started = options.warm?.take() ?? launchWorker(options.workerScript, youngGeneration)
      const { worker } = started
      let ready = false
      /** The files sent to this worker, in the order it checks them; the first is the one it is on. */
      const queue: number[] = []
      /** The files whose trees this worker holds until the repository is known. */
      const held: number[] = []
      let timer: NodeJS.Timeout | null = null
      let ended = false
      const end = (keep = false) => {
        ended = true
        resumes.delete(resume)
        if (timer) clearTimeout(timer)
        timer = null
        // A worker that ran out of work goes back to the warm ones (for a later run of the same process).
        if (keep && options.warm) options.warm.giveBack(started)
        else {
          options.warm?.forget(started)
          void worker.terminate()
        }
      }
      /** Takes the file this worker is on off its queue, and hands back the ones it had not begun or held. */
      const unload = (): number | undefined => {
        const current = queue.shift()
        requeued.push(...queue.splice(0), ...held.splice(0))
        return current
      }
      /** The time budget runs for the file the worker is on (from when the one before it was answered). */
      const startTimer = () => {
        const index = queue[0]
        if (index === undefined) return
        timer = setTimeout(() => {
          if (queue[0] !== index) return
          unload()
          end()
          stopped(index, overTimeBudget(context.config))
          startWorker()
        }, budgetMs)
      }
      const send = (index: number) => {
        queue.push(index)
        if (queue.length === 1) startTimer()
        worker.postMessage({ kind: 'examine', id: index, ...tasks[index]!, repository: gate.state() } satisfies CheckRequest)
      }
      const fill = () => {
        // Its held files first, once they can be checked: their trees are here.
        while (!settled && queue.length < IN_FLIGHT && held.length > 0 && gate.state().known) send(held.shift()!)
        while (!settled && queue.length < IN_FLIGHT && hasWork()) send(takeWork(started))
        if (queue.length === 0 && held.length === 0) end(true)
      }
      const resume = () => {
        if (ready && !ended) fill()
      }
      resumes.add(resume)
      const died = (reason: string) => {
        if (ended) return
        const failed = unload()
        end()
        if (!ready) {
          if (failed !== undefined) requeued.unshift(failed)
          if (++startFailures >= MAX_START_FAILURES) return finish(new WorkersUnavailable(`a check worker could not start: ${reason}`))
          return startWorker()
        }
        if (failed !== undefined) {
          const outOfMemory = reason.includes('ERR_WORKER_OUT_OF_MEMORY')
          const finding = outOfMemory
            ? engineFinding('file-too-complex', `Checking the file needed more than the memory budget of ${WORKER_HEAP_MB} MB; it was stopped and is not checked.`)
            : engineFinding('internal', `minutes-automation could not check this file (its worker stopped: ${reason}); please report this.`)
          stopped(failed, finding)
        }
        startWorker()
      }
      const onMessage = (answer: CheckAnswer) => {
        if (answer.kind === 'ready') {
          ready = true
          return fill()
        }
        if (queue[0] !== answer.id) return
        if (timer) clearTimeout(timer)
        timer = null
        queue.shift()
        startTimer()
        const { examined } = answer
        if (examined.held) held.push(answer.id)
        else record(answer.id, examined.report, examined.linking, examined.facts)
        if (!examined.held && examined.kept) options.warm?.keptIn(tasks[answer.id]!.path, started)
        // May settle the repository, and resume every worker (this one too).
        if (examined.links) gate.links(answer.id, examined.links)
        if (!ended) fill()
      }
      started.adopt({
        message: onMessage,
        error: (error) => died(`${error.code ?? error.name}: ${error.message}`),
        exit: (code) => died(`exit code ${code}`),
      })
      worker.postMessage(setup)
    }

    gate.whenSettled(() => {
      for (const resume of [...resumes]) resume()
    })
    if (tasks.length === 0) return finish()
    for (let slot = 0; slot < Math.min(options.jobs, tasks.length); slot++) startWorker()
  })
}

/** What the pool does with a worker's events. */
interface WorkerHandlers {
  message: (answer: CheckAnswer) => void
  error: (error: Error & { code?: string }) => void
  exit: (code: number) => void
}

/** A worker started, whose events wait (in order) for the pool to take it over. */
interface StartedWorker {
  worker: Worker
  /** Hands the worker's events to `handlers`, first those that came before. */
  adopt: (handlers: WorkerHandlers) => void
  /** Takes them back: its events wait again, and it no longer keeps the process alive. */
  disown: () => void
}

/** Starts a check worker; it loads its bundle, then waits for its `CheckSetup`. */
function launchWorker(script: string | URL, youngGenerationMb: number | null = WORKER_YOUNG_GENERATION_MB): StartedWorker {
  const data: CheckWorkerData = { kind: CHECK_WORKER }
  const young = youngGenerationMb === null ? {} : { maxYoungGenerationSizeMb: youngGenerationMb }
  const worker = new Worker(script, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, ...young }, stdout: false, stderr: false })
  let handlers: WorkerHandlers | null = null
  const early: Array<(to: WorkerHandlers) => void> = []
  const deliver = (event: (to: WorkerHandlers) => void) => (handlers ? event(handlers) : early.push(event))
  worker.on('message', (answer: CheckAnswer) => deliver((to) => to.message(answer)))
  worker.on('error', (error: Error & { code?: string }) => deliver((to) => to.error(error)))
  worker.on('exit', (code: number) => deliver((to) => to.exit(code)))
  return {
    worker,
    adopt: (to) => {
      handlers = to
      worker.ref()
      for (const event of early.splice(0)) event(to)
    },
    disown: () => {
      handlers = null
      worker.unref()
    },
  }
}

/**
 * Check workers started before a run knows its configuration and files, for more than one
 * run of the same process (`init`: its layout pass, then its preview check; issue 22). They
 * load their bundle while this thread reads the files, and do not keep the process alive.
 * A run gives back the workers that ran out of work; each keeps the trees of the files it
 * was asked to keep (`FileTask.keep`), and the next run sends it those files first. The
 * workers not taken, or given back, are ended by `release`.
 */
export class WarmWorkers {
  private readonly waiting: StartedWorker[]
  /** The worker keeping each kept file's tree. */
  private readonly homes = new Map<string, StartedWorker>()

  constructor(script: string | URL, count: number) {
    this.waiting = Array.from({ length: count }, () => {
      const started = launchWorker(script)
      started.worker.unref()
      return started
    })
  }

  /** A started worker, if one is left. */
  take(): StartedWorker | undefined {
    return this.waiting.shift()
  }

  /** A worker back from a run, idle, for the next one. */
  giveBack(started: StartedWorker): void {
    started.disown()
    this.waiting.push(started)
  }

  /** `started` keeps the tree of `path`. */
  keptIn(path: string, started: StartedWorker): void {
    this.homes.set(path, started)
  }

  /** The worker keeping the tree of `path`, if one does. */
  homeOf(path: string): StartedWorker | undefined {
    return this.homes.get(path)
  }

  /** A worker ended: the trees it kept are gone. */
  forget(started: StartedWorker): void {
    for (const [path, home] of this.homes) if (home === started) this.homes.delete(path)
  }

  /** Ends the workers not taken. */
  release(): void {
    this.homes.clear()
    for (const { worker } of this.waiting.splice(0)) void worker.terminate()
  }
}

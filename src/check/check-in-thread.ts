import { createContext, Script, type Context } from 'node:vm'
import type { Config } from '../config/types.js'
import type { FileReport, Finding } from '../report/types.js'
import type { Root } from 'mdast'
import { checkSource, engineFinding, screenedTree, uncheckedReport, type CheckContext, type SourceFile } from './check-source.js'
import { examineFile, type ExamineContext, type Examination, type Examined, type FileTask, type HeldTrees } from './examine-file.js'
import type { RepositoryGate } from './repository-gate.js'

/** The finding of a file stopped at the time budget, in a worker or in this thread. */
export function overTimeBudget(config: Config): Finding {
  const seconds = config.limits.maxFileSeconds
  return engineFinding('file-too-complex', `Checking the file took longer than the budget of ${seconds} s (limits.maxFileSeconds); it was stopped and is not checked.`)
}

/**
 * `call()`, run by node:vm with a `timeout`: its watchdog thread interrupts the execution,
 * whatever code runs at the time (ours, called from the script), and no try/catch on the
 * way can catch that. One context, made on first use, serves every call.
 */
const callScript = new Script('call()')
let sandbox: Context | undefined
let pending: (() => void) | null = null

/** Runs `work` under the time budget: its result, or null when it was stopped. */
function withinTimeBudget<T>(config: Config, work: () => T): { value: T } | null {
  sandbox ??= createContext({ call: () => pending?.() })
  let result: { value: T } | null = null
  pending = () => {
    result = { value: work() }
  }
  try {
    callScript.runInContext(sandbox, { timeout: config.limits.maxFileSeconds * 1000 })
    return result
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return null
    throw error
  } finally {
    pending = null
  }
}

/**
 * Checks one file in this thread under the time budget: a file past it is stopped and gets
 * the same `file-too-complex` finding as in a worker. For runs without workers (a pull
 * request's one or two files, or workers that cannot start): the parser has slow shapes no
 * pre-scan knows (a 93 KB paragraph of `[x]` takes 1.3 to 15 s), and a run must not wait on them.
 * The watchdog costs about 1.4 ms a call (node:vm starts a thread for each).
 */
export function checkInThread(source: SourceFile, context: CheckContext): FileReport | null {
  const checked = withinTimeBudget(context.config, () => checkSource(source, context))
  return checked ? checked.value : uncheckedReport(source.path, context, overTimeBudget(context.config))
}

/**
 * A file's tree for a look before the check (which repository its links name, whether it
 * links a removed file), under the same budgets as the check; null when one stops it.
 */
export function treeInThread(source: SourceFile, context: { config: Config }): Root | null {
  return withinTimeBudget(context.config, () => screenedTree(source, context))?.value ?? null
}

/**
 * Examines files in this thread, each parsed once (issue 22), in the order given; the
 * checks that wait for the repository are done once `gate` settles. Returns the reports in
 * the order of `tasks` (null where there is none). `watchdog`: each file under the time
 * budget (false: `--jobs 0`, none).
 */
export async function examineInThread(tasks: readonly FileTask[], context: ExamineContext, gate: RepositoryGate, watchdog: boolean): Promise<Examination[]> {
  const results = tasks.map((): Examination => ({ report: null, linking: false }))
  const held: HeldTrees = new Map()
  const examine = (at: number): void => {
    const task = tasks[at]!
    const work = () => examineFile(task, gate.state(), context, held, at)
    const examined: Examined | null = watchdog ? (withinTimeBudget(context.config, work)?.value ?? null) : work()
    if (!examined) {
      held.delete(at)
      if (task.wantsLinks) gate.links(at, [])
      results[at] = { report: task.check === 'always' ? uncheckedReport(task.path, context, overTimeBudget(context.config)) : null, linking: false, ...(task.wantsFacts ? { facts: null } : {}) }
      return
    }
    if (!examined.held) results[at] = { report: examined.report, linking: examined.linking, ...(examined.facts === undefined ? {} : { facts: examined.facts }) }
    if (examined.links) gate.links(at, examined.links)
  }
  for (let at = 0; at < tasks.length; at++) examine(at)
  if (held.size > 0) {
    await new Promise<void>((resolve) => gate.whenSettled(resolve))
    for (const at of [...held.keys()]) examine(at)
  }
  return results
}

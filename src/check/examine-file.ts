import type { Config } from '../config/types.js'
import { collectLinkUrls } from '../links/link-urls.js'
import { dependsOnRepository } from '../links/resolve-link.js'
import type { RepoIndex } from '../repo/repo-index.js'
import type { FileReport } from '../report/types.js'
import type { Root } from 'mdast'
import { checkParsed, screen, type ParsedFile, type Screened, type SourceFile } from './check-source.js'
import { linksTo } from './linking-files.js'

/**
 * What a run asks of one file, in its one parse (issue 22): its check (`always`; `if-linking`:
 * only when it links to a removed path, a pull request's files that link to what it
 * removed; `never`: a file read only for its links), and its link URLs (`wantsLinks`: the
 * repository's inference reads them).
 */
export interface FileTask extends SourceFile {
  check: 'always' | 'if-linking' | 'never'
  wantsLinks: boolean
  /** Whether to tell if it links to a removed path (always told for `if-linking`). */
  findLinking?: boolean
  /** Whether to send back what `ExamineContext.readTree` reads of its tree (`init`: its layout), from the same parse. */
  wantsFacts?: boolean
  /**
   * Whether to keep its tree (in `ExamineContext.kept`) for a later run that checks the same
   * bytes: `init` checks under the configuration it inferred from the layout pass.
   */
  keep?: boolean
}

/** The repository github.com links point into: known (a name, or null for none), or not yet. */
export type RepositoryState = { known: true; repository: string | null } | { known: false }

/** What stays the same for every file of a run. */
export interface ExamineContext {
  config: Config
  index: RepoIndex
  /** Paths the change removed: an `if-linking` file is checked when it links to one. */
  removed: ReadonlySet<string>
  /** Trees kept by an earlier run (`FileTask.keep`), by path: used once, instead of a parse. */
  kept?: Map<string, ParsedFile>
  /** What a layer above reads of a tree for `wantsFacts` (`init`'s layout facts): plain data. */
  readTree?: TreeReader
}

/** Reads plain data (what a worker can send back) from a file's tree. */
export type TreeReader = (path: string, tree: Root, index: RepoIndex) => unknown

/**
 * A file examined. `held`: its check waits for the repository (it links to github.com,
 * where links resolve by the repository); its tree is kept for that check, so the file is
 * not parsed again. `links`: its link URLs when asked for (none for a file the budgets stop).
 */
export type Examined =
  | { held: false; report: FileReport | null; links: string[] | null; linking: boolean; facts?: unknown; kept?: boolean }
  | { held: true; links: string[] | null }

/**
 * A file's outcome in a run: its report (null: none), whether it links to a removed path,
 * and its layout facts when asked for (null: a budget stopped it).
 */
export interface Examination {
  report: FileReport | null
  linking: boolean
  facts?: unknown
}

/** Trees kept for checks that wait for the repository, by a key of the caller's. */
export type HeldTrees = Map<number, ParsedFile>

/**
 * Examines one file in its one parse: the budgets, the parse, its links, and its check,
 * unless the check depends on a repository not known yet (the tree is then held under `key`).
 * A held file, examined again once the repository is known, is checked from its held tree.
 */
export function examineFile(task: FileTask, repository: RepositoryState, context: ExamineContext, held: HeldTrees, key: number): Examined {
  const kept = held.get(key) ?? context.kept?.get(task.path)
  held.delete(key)
  context.kept?.delete(task.path)
  const parsed: Screened = kept ?? screen(task, context)
  if (parsed.report !== undefined) {
    // Stopped by a budget (or unparsable): it links nothing; its own check reports why.
    return { held: false, report: task.check === 'always' ? parsed.report : null, links: task.wantsLinks ? [] : null, linking: false, ...(task.wantsFacts ? { facts: null } : {}) }
  }
  const screened: ParsedFile = parsed
  const urls = task.wantsLinks || !repository.known ? collectLinkUrls(screened.tree) : null
  const links = task.wantsLinks ? urls : null
  if (task.check === 'never') {
    const facts = task.wantsFacts ? { facts: readTree(context)(task.path, screened.tree, context.index) } : {}
    if (!task.keep || !context.kept) return { held: false, report: null, links, linking: false, ...facts }
    context.kept.set(task.path, screened)
    return { held: false, report: null, links, linking: false, ...facts, kept: true }
  }
  if (!repository.known) {
    if (urls!.some(dependsOnRepository)) {
      held.set(key, screened)
      return { held: true, links }
    }
  }
  // Not known yet and no github.com link: the check is the same whatever the repository.
  const name = repository.known ? repository.repository : null
  const linking = (task.check === 'if-linking' || task.findLinking === true) && linksTo(screened.tree, task.path, context.removed, name, context.index)
  if (task.check === 'if-linking' && !linking) return { held: false, report: null, links, linking }
  return { held: false, report: checkParsed(task.path, screened, { config: configWith(context.config, name), index: context.index }), links, linking }
}

function readTree(context: ExamineContext): TreeReader {
  if (!context.readTree) throw new Error('a task asks for what this thread cannot read of its tree (no readTree)')
  return context.readTree
}

const configs = new WeakMap<Config, Map<string | null, Config>>()

/** The run's configuration with this repository (one object per repository, not per file). */
function configWith(config: Config, repository: string | null): Config {
  if (config.repository === repository) return config
  let byName = configs.get(config)
  if (!byName) configs.set(config, (byName = new Map()))
  let found = byName.get(repository)
  if (!found) byName.set(repository, (found = { ...config, repository }))
  return found
}

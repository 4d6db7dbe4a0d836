import type { RepositoryState } from './examine-file.js'

/**
 * The repository of a run as its files' checks wait for it: known from the start, or learnt
 * during the run from the links the files' own parses send back (issue 22). Checks that
 * depend on it are held until `settle`.
 */
export class RepositoryGate {
  private current: RepositoryState
  private readonly waiting: Array<() => void> = []
  private readonly given = new Set<number>()

  /**
   * `known`: the repository when it is known from the start (a name or null), undefined when
   * it is to be learnt; `onLinks` then receives each file's links once.
   */
  constructor(known: string | null | undefined, private readonly onLinks: (at: number, urls: readonly string[]) => void = () => {}) {
    this.current = known === undefined ? { known: false } : { known: true, repository: known }
  }

  state(): RepositoryState {
    return this.current
  }

  /** The link URLs of task `at`; the first report for a task counts. */
  links(at: number, urls: readonly string[]): void {
    if (this.current.known || this.given.has(at)) return
    this.given.add(at)
    this.onLinks(at, urls)
  }

  /** Sets the repository; the held checks go on. */
  settle(repository: string | null): void {
    if (this.current.known) return
    this.current = { known: true, repository }
    for (const go of this.waiting.splice(0)) go()
  }

  /** Calls `go` once the repository is known (now, when it is). */
  whenSettled(go: () => void): void {
    if (this.current.known) go()
    else this.waiting.push(go)
  }
}

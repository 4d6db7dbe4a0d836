import type { RepoIndex } from '../repo/repo-index.js'

const GITHUB_LINK = /^(?:https?:)?\/\/(?:www\.)?github\.com\/([^/?#]+)\/([^/?#]+)\/(blob|tree)\/(.+)$/i

/** A file that may link into github.com, its link URLs read only when asked for. */
export interface LinkSource {
  /** How often its text names a github.com file or folder: at least as often as it links to one. */
  mentions: number
  urls: () => string[]
}

/**
 * The `owner/repo` that github.com links point into, told from the links themselves: the one
 * whose `blob/<ref>/<path>` and `tree/<ref>/<path>` links name the most paths that exist in
 * this tree (a branch name may hold `/`: any split that names a real path counts). Null when
 * no link names a real path, or two repositories tie (it cannot be told).
 *
 * It reads the links of no more files than it takes: most mentions first, stopping once the
 * leader is ahead of every other repository by more links than the unread files can hold
 * (their mentions), so the answer is the one all the files would give. `sawFileLink`:
 * whether a github.com file link was read.
 */
export function inferRepositoryFrom(sources: readonly LinkSource[], index: RepoIndex): InferredRepository {
  const inference = new RepositoryInference(
    sources.map((source) => source.mentions),
    index,
  )
  for (const at of inference.order) {
    if (inference.result) break
    inference.read(at, sources[at]!.urls())
  }
  return inference.result!
}

/** What the inference tells: the repository (null: it cannot be told) and whether a github.com file link was read. */
export interface InferredRepository {
  repository: string | null
  sawFileLink: boolean
}

/**
 * `inferRepositoryFrom` as the links come in, in any order (from the check's own parse, in
 * worker threads): each source's links are counted in the order of most mentions first, as
 * soon as every source before it has come in, so the answer and the point where it is
 * decided are the same as reading them one by one. `result` is set once it is decided.
 */
export class RepositoryInference {
  /** The sources' positions, most mentions first (ties in the given order). */
  readonly order: readonly number[]
  result: InferredRepository | undefined
  private readonly tally: RepositoryTally
  private readonly arrived = new Map<number, readonly string[]>()
  private next = 0
  private unread: number

  constructor(
    private readonly mentions: readonly number[],
    index: RepoIndex,
  ) {
    this.tally = new RepositoryTally(index)
    this.order = mentions.map((_, at) => at).sort((a, b) => mentions[b]! - mentions[a]!)
    this.unread = mentions.reduce((total, count) => total + count, 0)
    if (this.order.length === 0) this.result = { repository: null, sawFileLink: false }
  }

  /** The link URLs of source `at` (none for a file that could not be parsed). */
  read(at: number, urls: readonly string[]): void {
    if (this.result) return
    this.arrived.set(at, urls)
    while (!this.result && this.next < this.order.length && this.arrived.has(this.order[this.next]!)) {
      const source = this.order[this.next++]!
      this.unread -= this.mentions[source]!
      for (const url of this.arrived.get(source)!) this.tally.add(url)
      this.arrived.delete(source)
      const decided = this.tally.leader(this.unread)
      if (decided) this.result = { repository: decided, sawFileLink: true }
      else if (this.next === this.order.length) this.result = { repository: this.tally.leader(0), sawFileLink: this.tally.sawFileLink }
    }
  }
}

/** Links that name a path of this tree, counted per repository. */
class RepositoryTally {
  private readonly hits = new Map<string, { name: string; count: number }>()
  sawFileLink = false

  constructor(private readonly index: RepoIndex) {}

  add(url: string): void {
    const match = GITHUB_LINK.exec(url.trim())
    if (!match) return
    this.sawFileLink = true
    const [, owner, repo, view, rest] = match as unknown as [string, string, string, string, string]
    if (!namesExistingPath(rest, view.toLowerCase() === 'tree', this.index)) return
    const name = `${owner}/${repo.replace(/\.git$/, '')}`
    const key = name.toLowerCase()
    const entry = this.hits.get(key) ?? { name, count: 0 }
    entry.count += 1
    this.hits.set(key, entry)
  }

  /** The repository ahead of every other by more than `margin` links; null when none is. */
  leader(margin: number): string | null {
    const [best, second] = [...this.hits.values()].sort((a, b) => b.count - a.count)
    if (!best || best.count - (second?.count ?? 0) <= margin) return null
    return best.name
  }
}

/**
 * How often a text names a github.com file or folder (`github.com/OWNER/REPO/blob/` or
 * `/tree/`, in any case): at least as often as it links to one. A count over the text, not
 * a parse: an upper bound that lets the inference stop reading early.
 */
export function githubFileMentions(text: string): number {
  return text.match(/github\.com\/[^/\s]+\/[^/\s]+\/(?:blob|tree)\//gi)?.length ?? 0
}

/** Whether `<ref>/<path>` (query and anchor cut) names a file, or a folder for `tree/`, of the index. */
function namesExistingPath(refAndPath: string, wantsFolder: boolean, index: RepoIndex): boolean {
  const cut = refAndPath.search(/[?#]/)
  const parts = (cut < 0 ? refAndPath : refAndPath.slice(0, cut)).split('/').filter(Boolean)
  for (let refLength = 1; refLength < parts.length; refLength++) {
    let path: string
    try {
      path = parts.slice(refLength).map(decodeURIComponent).join('/')
    } catch {
      return false
    }
    if (index.files.has(path) || (wantsFolder && index.folders.has(path) && path !== '')) return true
  }
  return false
}

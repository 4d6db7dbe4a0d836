/** A symbolic link in the repository, as a reader found it. */
export interface SymbolicLink {
  /** The target as the link writes it (`../hackathons/…/table-documentation.md`, `/etc/passwd`). */
  written: string
  /** The target as a repository path; null when it points outside the repository (never read). */
  target: string | null
  /** Checked out as a text file holding its target (git with `core.symlinks=false`), not as a link. */
  asText?: boolean
}

/**
 * Where a run reads the repository from: the checked-out workspace, or (for
 * `pull_request_target`) GitHub's API at the pull request's head commit. The engine only
 * ever sees paths and bytes, so both give the same findings.
 */
export interface RepoReader {
  /** Every file of the repository as a `/`-separated relative path, sorted (symbolic links to files included). */
  listFiles(): Promise<string[]>
  /** The symbolic links among the files, by path; a reader that cannot tell lists none. */
  symbolicLinks?(): Promise<ReadonlyMap<string, SymbolicLink>>
  /** A file's bytes; null when it does not exist. */
  readFile(path: string): Promise<Uint8Array | null>
  /** `owner/repo` of the upstream or origin remote when the reader knows it; else null. */
  repositoryHint(): Promise<string | null>
}

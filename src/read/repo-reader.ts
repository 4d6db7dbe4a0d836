/**
 * Where a run reads the repository from: the checked-out workspace, or (for
 * `pull_request_target`) GitHub's API at the pull request's head commit. The engine only
 * ever sees paths and bytes, so both give the same findings.
 */
export interface RepoReader {
  /** Every file of the repository as a `/`-separated relative path, sorted. */
  listFiles(): Promise<string[]>
  /** A file's bytes; null when it does not exist. */
  readFile(path: string): Promise<Uint8Array | null>
  /** `owner/repo` of the origin remote when the reader knows it; else null. */
  repositoryHint(): Promise<string | null>
}

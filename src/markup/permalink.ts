/** Where links in comments and issues point: a repository at a commit on a GitHub server. */
export interface SourceLinks {
  /** `https://github.com`, or a GitHub Enterprise server's URL. */
  serverUrl: string
  /** `owner/repo`. */
  repository: string
  /** The commit the links pin (a PR's head, or the pushed commit). */
  sha: string
}

/** A link to a file, or to one of its lines, at the commit: stable even after later edits. */
export function permalink(links: SourceLinks, path: string, line?: number): string {
  // Parentheses too: an unbalanced one would end the Markdown link the URL goes into.
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/')
  return `${links.serverUrl}/${links.repository}/blob/${links.sha}/${encoded}${line ? `#L${line}` : ''}`
}

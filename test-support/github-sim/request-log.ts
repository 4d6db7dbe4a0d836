import type { RecordedRequest, Violation } from './types.js'

/** Every request the simulator answered, and every violation it noticed. */
export class RequestLog {
  readonly requests: RecordedRequest[] = []
  readonly violations: Violation[] = []

  /** Requests that change something: every method but GET and HEAD. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')
  }

  /**
   * Requests with that method (`'*'` for any) whose path matches: a RegExp, an exact
   * path (`/repos/o/r/issues`) or a template (`/repos/{owner}/{repo}/issues/{n}`).
   */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    const wantedMethod = method.toUpperCase()
    const matchesPath = pathMatcher(path)
    return this.requests.filter((r) => (wantedMethod === '*' || r.method === wantedMethod) && matchesPath(r.path))
  }

  /** Forgets recorded requests (violations are kept, so none can be lost by a reset). */
  clearRequests(): void {
    this.requests.length = 0
  }

  /** Throws an error listing every violation, if there is any. */
  assertNoViolations(): void {
    if (this.violations.length === 0) return
    const lines = this.violations.map((v) => {
      const operation = v.operationId ? ` (${v.operationId})` : ''
      const details = v.details.map((d) => `\n      ${d}`).join('')
      return `  - ${v.method} ${v.path}${operation}: [${v.kind}] ${v.message}${details}`
    })
    throw new Error(`The GitHub simulator recorded ${this.violations.length} violation(s):\n${lines.join('\n')}`)
  }
}

function pathMatcher(path: string | RegExp): (candidate: string) => boolean {
  if (path instanceof RegExp) return (candidate) => path.test(candidate)
  if (!path.includes('{')) return (candidate) => candidate === path
  const pattern = path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+')
  const regex = new RegExp(`^${pattern}$`)
  return (candidate) => regex.test(candidate)
}

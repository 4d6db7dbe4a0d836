import { FaultInjector } from './faults.js'
import type { FaultHandle } from './faults.js'
import { OpenApiRouter } from './openapi/router.js'
import { sharedValidator } from './openapi/validator.js'
import type { SimInternals } from './pipeline.js'
import { RequestLog } from './request-log.js'
import { startServer } from './server.js'
import { addComment, addIssue, addLabel, addPullRequest, createState, isoSeconds } from './state.js'
import type { CommentSeed, IssueSeed, LabelSeed, PullRequestSeed, SimSeed } from './state.js'
import type { CommitTree, FaultSpec, RecordedRequest, SimComment, SimIssue, SimLabel, SimPullRequest, SimState, Violation } from './types.js'

/** Options of {@link createGitHubSim}: the seed data plus simulator behaviour. */
export interface GitHubSimOptions extends SimSeed {
  /** Clock for timestamps (`created_at`, `updated_at`, ...). Default: the real clock. */
  now?: () => Date
  /**
   * Also check every JSON answer of the simulator against GitHub's response schema
   * and record mismatches as `response-schema` violations. Default `true`.
   */
  validateResponses?: boolean
}

/** A running simulation of the GitHub REST API for one repository. */
export interface GitHubSim {
  /** Base URL, to use as `GITHUB_API_URL` or octokit's `baseUrl` (no trailing slash). */
  readonly url: string
  /** The live data; tests may read and change it between requests. */
  readonly state: SimState
  /** Every request answered, in order. */
  readonly requests: readonly RecordedRequest[]
  /** Requests GitHub would reject or ignore, and simulator failures. */
  readonly violations: readonly Violation[]
  /** Injects a failure for matching requests; see {@link FaultSpec}. */
  fail(fault: FaultSpec): FaultHandle
  /** Removes all injected faults. */
  clearFaults(): void
  /** When on, every write answers 403 "Resource not accessible by integration", like a fork's token. */
  setReadOnly(readOnly: boolean): void
  /** Requests other than GET and HEAD. */
  writes(): RecordedRequest[]
  /** Requests by method (`'*'` for any) and path: RegExp, exact path or `{param}` template. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[]
  /** Throws a readable error listing every violation. */
  assertNoViolations(): void
  /** Clears the request log (not the violations, not the state). */
  reset(): void
  /** Seeds a commit (sha → files and symbolic links). */
  addCommit(sha: string, files: CommitTree): void
  /** Seeds an issue; numbers continue the shared issue/PR sequence. */
  addIssue(seed: IssueSeed): SimIssue
  /** Seeds a pull request; refs become branches, files are diffed from the commits unless given. */
  addPullRequest(seed: PullRequestSeed): SimPullRequest
  /** Seeds a comment on an existing issue or pull request. */
  addComment(seed: CommentSeed): SimComment
  /** Seeds a label. */
  addLabel(seed: LabelSeed): SimLabel
  /** Stops the server and drops open connections. */
  close(): Promise<void>
}

/**
 * Starts a loopback simulation of the GitHub REST API. Requests are routed and
 * validated with GitHub's OpenAPI description; see the README in this folder.
 *
 * @example
 * const sim = await createGitHubSim({ repo: { owner: 'acme', name: 'minutes' }, assignees: ['alice'] })
 * try { ...run code with GITHUB_API_URL = sim.url...; sim.assertNoViolations() } finally { await sim.close() }
 */
export async function createGitHubSim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const clock = options.now ?? (() => new Date())
  const now = () => isoSeconds(clock())
  const state = createState(options, now())
  const log = new RequestLog()
  const faults = new FaultInjector()
  const internals: SimInternals = {
    state,
    faults,
    log,
    router: sharedRouter(),
    validator: sharedValidator(),
    baseUrl: '',
    clock,
    readOnly: false,
    validateResponses: options.validateResponses ?? true,
  }
  const server = await startServer(internals)

  return {
    url: server.url,
    state,
    requests: log.requests,
    violations: log.violations,
    fail: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setReadOnly: (readOnly) => {
      internals.readOnly = readOnly
    },
    writes: () => log.writes(),
    requestsTo: (method, path) => log.requestsTo(method, path),
    assertNoViolations: () => log.assertNoViolations(),
    reset: () => log.clearRequests(),
    addCommit: (sha, files) => {
      state.commits[sha] = { ...files }
    },
    addIssue: (seed) => addIssue(state, seed, now()),
    addPullRequest: (seed) => addPullRequest(state, seed, now()),
    addComment: (seed) => addComment(state, seed, now()),
    addLabel: (seed) => addLabel(state, seed),
    close: () => server.close(),
  }
}

let router: OpenApiRouter | undefined

/** The route table is built from the OpenAPI description once per process. */
function sharedRouter(): OpenApiRouter {
  router ??= new OpenApiRouter()
  return router
}

/**
 * A loopback simulation of the GitHub REST API for end-to-end tests: real clients talk
 * HTTP to it, every request is checked against GitHub's OpenAPI description, and tests
 * assert on the resulting state and request log instead of mocking octokit.
 */
export { createGitHubSim } from './github-sim.js'
export type { GitHubSim, GitHubSimOptions } from './github-sim.js'
export type { FaultHandle } from './faults.js'
export { SECONDARY_RATE_LIMIT_MESSAGE } from './faults.js'
export type { CommentSeed, IssueSeed, LabelSeed, PullRequestSeed, SimSeed } from './state.js'
export { blobSha, entryText, symlink } from './git-objects.js'
export type {
  FaultSpec,
  FaultStatus,
  CommitEntry,
  CommitTree,
  FileTree,
  RecordedRequest,
  SimComment,
  SimIssue,
  SimLabel,
  SimPullFile,
  SimPullRef,
  SimPullRequest,
  SimRepository,
  SimState,
  StateReason,
  SymbolicLinkEntry,
  Violation,
  ViolationKind,
} from './types.js'

import { createRequire } from 'node:module'
import type { WebhookDefinition } from '@octokit/webhooks-examples'

/**
 * Realistic webhook payloads for `GITHUB_EVENT_PATH`: a real example from
 * `@octokit/webhooks-examples`, moved to the test's repository, pull request and commits,
 * so every URL, label and sha in the payload agrees with what `github.context` reports.
 */

type PullRequestExample = WebhookDefinition<'pull_request'>['examples'][number]

/** The payload of a `pull_request` event with action `opened` or `synchronize`. */
export type PullRequestPayload = Extract<PullRequestExample, { action: 'opened' | 'synchronize' }>
/** The payload of a `push` event. */
export type PushPayload = WebhookDefinition<'push'>['examples'][number]
/** The payload of a `workflow_dispatch` event. */
export type WorkflowDispatchPayload = WebhookDefinition<'workflow_dispatch'>['examples'][number]

/** The repository an event happens in. */
export interface EventRepository {
  owner: string
  name: string
  /** Default: `main`. */
  defaultBranch?: string
}

/** A branch tip. */
export interface EventRef {
  sha: string
  /** Branch name without `refs/heads/`. */
  ref: string
}

export interface PullRequestEventOptions {
  action: 'opened' | 'synchronize'
  repo: EventRepository
  number: number
  head: EventRef
  base: EventRef
  /** The head branch lives in a fork owned by {@link FORK_OWNER}, as for outside contributors. */
  fork?: boolean
}

export interface PushEventOptions {
  repo: EventRepository
  /** Full ref, e.g. `refs/heads/main`. */
  ref: string
  before: string
  after: string
}

export interface WorkflowDispatchEventOptions {
  repo: EventRepository
  /** Full ref, e.g. `refs/heads/main`. */
  ref: string
}

/** Owner of the fork a pull request comes from when `fork: true`; also its author. */
export const FORK_OWNER = 'outside-contributor'

/** Every sha of an empty side of a push (branch created or deleted). */
const NULL_SHA = '0'.repeat(40)

/**
 * The payload of a `schedule` run: not a webhook (so no example to move), the runner writes
 * the cron expression that fired.
 */
export function scheduleEvent(cron: string): { schedule: string } {
  return { schedule: cron }
}

/** A pull request event as GitHub sends it for `opened` or `synchronize`. */
export function pullRequestEvent(options: PullRequestEventOptions): PullRequestPayload {
  const example = firstExample('pull_request', (e): e is PullRequestPayload => e.action === options.action)
  const from = identityOf(example.repository)
  const { pull_request: examplePull } = example
  const payload = rewriteStrings(example, [
    ...moveRepository(from, options.repo),
    [new RegExp(`(/(?:pulls|pull|issues)/)${examplePull.number}\\b`, 'g'), `$1${options.number}`],
    [examplePull.head.sha, options.head.sha],
    [examplePull.base.sha, options.base.sha],
  ])
  const defaultBranch = options.repo.defaultBranch ?? 'main'
  payload.number = options.number
  payload.repository.default_branch = defaultBranch
  const pull = payload.pull_request
  pull.number = options.number
  Object.assign(pull.base, { ref: options.base.ref, label: `${options.repo.owner}:${options.base.ref}`, repo: payload.repository })
  Object.assign(pull.head, { ref: options.head.ref, label: `${options.repo.owner}:${options.head.ref}`, repo: payload.repository })

  if (options.fork) {
    // Moved from the pristine example: the fork's owner must not be derived from test input.
    const forkOwner = rewriteStrings(example.sender, moveRepository(from, { owner: FORK_OWNER, name: options.repo.name }))
    const fork = rewriteStrings(example.repository, moveRepository(from, { owner: FORK_OWNER, name: options.repo.name }))
    Object.assign(fork, { fork: true, id: example.repository.id + 1, default_branch: defaultBranch })
    Object.assign(pull.head, { label: `${FORK_OWNER}:${options.head.ref}`, user: forkOwner, repo: fork })
    Object.assign(pull, { user: forkOwner, author_association: 'CONTRIBUTOR' })
    payload.sender = forkOwner
  }
  return payload
}

/** A push of `before..after` to `ref`; `before` all zeros means the branch was created. */
export function pushEvent(options: PushEventOptions): PushPayload {
  const example = firstExample('push', (e) => e.ref.startsWith('refs/heads/') && e.head_commit !== null)
  const from = identityOf(example.repository)
  const payload = rewriteStrings(example, [
    ...moveRepository(from, options.repo),
    [example.before, options.before],
    [example.after, options.after],
  ])
  const created = options.before === NULL_SHA
  const html = `https://github.com/${options.repo.owner}/${options.repo.name}`
  Object.assign(payload, {
    ref: options.ref,
    before: options.before,
    after: options.after,
    created,
    deleted: options.after === NULL_SHA,
    compare: created ? `${html}/commit/${options.after}` : `${html}/compare/${options.before.slice(0, 12)}...${options.after.slice(0, 12)}`,
  })
  const defaultBranch = options.repo.defaultBranch ?? 'main'
  Object.assign(payload.repository, { default_branch: defaultBranch, master_branch: defaultBranch })
  return payload
}

/** A manual run of a workflow on `ref`, without inputs. */
export function workflowDispatchEvent(options: WorkflowDispatchEventOptions): WorkflowDispatchPayload {
  const example = firstExample('workflow_dispatch', () => true)
  const payload = rewriteStrings(example, moveRepository(identityOf(example.repository), options.repo))
  payload.ref = options.ref
  payload.repository.default_branch = options.repo.defaultBranch ?? 'main'
  // The example belongs to an organization; the simulator's repositories belong to users.
  delete payload.organization
  payload.repository.owner.type = 'User'
  return payload
}

type Replacement = [pattern: string | RegExp, replacement: string]

interface RepositoryIdentity {
  owner: string
  name: string
}

function identityOf(repository: { name: string; owner: { login: string } }): RepositoryIdentity {
  return { owner: repository.owner.login, name: repository.name }
}

/**
 * Replacements that move a payload from one repository to another: the `owner/name`
 * in URLs first, then the owner's login wherever it stands alone (user URLs, labels,
 * e-mails), then the bare repository name.
 */
function moveRepository(from: RepositoryIdentity, to: RepositoryIdentity): Replacement[] {
  return [
    [`${from.owner}/${from.name}`, `${to.owner}/${to.name}`],
    [new RegExp(`\\b${escapeRegExp(from.owner)}\\b`, 'g'), to.owner],
    [new RegExp(`^${escapeRegExp(from.name)}$`, 'g'), to.name],
  ]
}

/** A deep copy of `value` with every replacement applied, in order, to every string in it. */
function rewriteStrings<T>(value: T, replacements: Replacement[]): T {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) => {
    if (typeof item !== 'string') return item
    return replacements.reduce((text, [pattern, replacement]) => text.replaceAll(pattern, replacement), item)
  }) as T
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

type EventName = 'pull_request' | 'push' | 'workflow_dispatch'

let definitions: WebhookDefinition[] | undefined

/** The first example of an event matching `accept`; the 4 MB file is read once per process. */
function firstExample<E extends EventName, P extends WebhookDefinition<E>['examples'][number]>(
  name: E,
  accept: (example: WebhookDefinition<E>['examples'][number]) => example is P,
): P
function firstExample<E extends EventName>(name: E, accept: (example: WebhookDefinition<E>['examples'][number]) => boolean): WebhookDefinition<E>['examples'][number]
function firstExample<E extends EventName>(name: E, accept: (example: WebhookDefinition<E>['examples'][number]) => boolean): WebhookDefinition<E>['examples'][number] {
  definitions ??= createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[]
  const definition = definitions.find((d): d is WebhookDefinition<E> => d.name === name)
  const example = definition?.examples.find(accept)
  if (!example) throw new Error(`@octokit/webhooks-examples has no suitable ${name} example`)
  return example
}

import { symlink, type CommitTree } from './github-sim/index.js'
import { EXAMPLE_TREE, WEEKLY } from './minutes-scenario.js'

/** Our own synthetic minutes of a joint meeting: one file, two teams' folders. */
export const JOINT = 'platform/20261126.md'
export const JOINT_MINUTES = `# Platform and Storage 2026-11-26

## Participants

- @alice
- @dave

## Agenda

- Joint review of the storage classes for the new cluster
- AI @alice: draft the storage class migration plan
- AI @dave: measure the rebuild time of a failed NVMe disk
`
/** Storage's minutes of that day are the joint ones: a link inside the repository. */
export const LINK_INSIDE = 'storage/20261126.md'
export const LINK_INSIDE_WRITTEN = '../platform/20261126.md'
/** A link that points out of the repository: never read. */
export const LINK_OUTSIDE = 'sig-docs/20261126.md'
export const LINK_OUTSIDE_WRITTEN = '../../shared-drive/sig-docs-notes.md'

/** The example repository with the joint minutes and both links. */
export const LINKED_TREE: CommitTree = {
  ...EXAMPLE_TREE,
  [JOINT]: JOINT_MINUTES,
  [LINK_INSIDE]: symlink(LINK_INSIDE_WRITTEN),
  [LINK_OUTSIDE]: symlink(LINK_OUTSIDE_WRITTEN),
}

/** Main before the pull request: the example without the weekly; the PR adds it, the joint minutes and both links. */
export const LINKED_BASE: CommitTree = Object.fromEntries(Object.entries(LINKED_TREE).filter(([path]) => ![WEEKLY, JOINT, LINK_INSIDE, LINK_OUTSIDE].includes(path)))

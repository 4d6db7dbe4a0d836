import { entryText } from './git-objects.js'
import type { CommitEntry, CommitTree, SimPullFile } from './types.js'

/**
 * The files a pull request changes, derived from its base and head commits the way
 * GitHub lists them: sorted by name, with line counts, and exact-content moves reported
 * as renames.
 */
export function diffTrees(base: CommitTree, head: CommitTree): SimPullFile[] {
  const files: SimPullFile[] = []
  const removed = Object.keys(base).filter((path) => !(path in head))
  const added = Object.keys(head).filter((path) => !(path in base))

  for (const path of added) {
    const content = head[path] ?? ''
    const source = removed.find((old) => sameEntry(base[old], content))
    if (source !== undefined) {
      removed.splice(removed.indexOf(source), 1)
      files.push({ filename: path, status: 'renamed', additions: 0, deletions: 0, changes: 0, previous_filename: source })
    } else {
      files.push(counted(path, 'added', '', entryText(content)))
    }
  }
  for (const path of removed) files.push(counted(path, 'removed', entryText(base[path] ?? ''), ''))
  for (const [path, content] of Object.entries(head)) {
    const before = base[path]
    // A file that becomes a link (or the reverse) is modified too: git diffs the blob's text.
    if (before !== undefined && !sameEntry(before, content)) files.push(counted(path, 'modified', entryText(before), entryText(content)))
  }
  return files.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
}

/** The same blob and mode: a link and a file holding its target's path differ. */
function sameEntry(a: CommitEntry | undefined, b: CommitEntry): boolean {
  return a !== undefined && typeof a === typeof b && entryText(a) === entryText(b)
}

function counted(filename: string, status: SimPullFile['status'], before: string, after: string): SimPullFile {
  const { additions, deletions } = lineChanges(before, after)
  return { filename, status, additions, deletions, changes: additions + deletions }
}

/** Lines added and deleted between two texts, from their longest common subsequence. */
export function lineChanges(before: string, after: string): { additions: number; deletions: number } {
  const a = lines(before)
  const b = lines(after)
  const common = a.length * b.length > 4_000_000 ? commonByMultiset(a, b) : longestCommonSubsequence(a, b)
  return { additions: b.length - common, deletions: a.length - common }
}

function lines(text: string): string[] {
  if (text === '') return []
  const split = text.split('\n')
  if (split[split.length - 1] === '') split.pop()
  return split
}

function longestCommonSubsequence(a: string[], b: string[]): number {
  let previous = new Uint32Array(b.length + 1)
  let current = new Uint32Array(b.length + 1)
  for (const lineA of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = lineA === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0)
    }
    ;[previous, current] = [current, previous]
  }
  return previous[b.length] ?? 0
}

/** A cheap upper bound for huge files, where exact counts do not matter to a test. */
function commonByMultiset(a: string[], b: string[]): number {
  const counts = new Map<string, number>()
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1)
  let common = 0
  for (const line of b) {
    const n = counts.get(line) ?? 0
    if (n > 0) {
      common++
      counts.set(line, n - 1)
    }
  }
  return common
}

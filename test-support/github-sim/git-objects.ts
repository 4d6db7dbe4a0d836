import { createHash } from 'node:crypto'
import type { CommitEntry, CommitTree, SymbolicLinkEntry } from './types.js'

/** A file, or a symbolic link (mode `120000`, its content the target), in a git tree. */
export interface BlobNode {
  type: 'blob'
  mode: BlobMode
  sha: string
  size: number
  content: string
}

/** Git's file modes of blobs: a plain file, or a symbolic link. */
export type BlobMode = '100644' | '120000'

/** A directory in a git tree, with the object id git would give it. */
export interface TreeNode {
  type: 'tree'
  sha: string
  entries: Map<string, BlobNode | TreeNode>
}

/** A tree entry as `GET /git/trees` lists it. */
export interface TreeListing {
  path: string
  mode: BlobMode | '040000'
  type: 'blob' | 'tree'
  sha: string
  size?: number
}

/** A symbolic link entry for a {@link CommitTree}: `{ 'a/b.md': symlink('../c.md') }`. */
export function symlink(target: string): SymbolicLinkEntry {
  return { symlink: target }
}

/** What git stores for an entry: a file's content, or a link's target. */
export function entryText(entry: CommitEntry): string {
  return typeof entry === 'string' ? entry : entry.symlink
}

/** Git's object id of a blob, so shas look and behave like real ones. */
export function blobSha(content: string): string {
  return gitObjectSha('blob', Buffer.from(content, 'utf8'))
}

/** Builds the nested git tree of a commit's flat file map, hashing every level as git does. */
export function buildTree(files: CommitTree): TreeNode {
  const root: MutableDir = new Map()
  for (const [path, content] of Object.entries(files)) {
    const parts = path.split('/').filter((part) => part !== '')
    const fileName = parts.pop()
    if (fileName === undefined) continue
    let dir = root
    for (const part of parts) {
      let child = dir.get(part)
      if (!(child instanceof Map)) {
        child = new Map()
        dir.set(part, child)
      }
      dir = child
    }
    dir.set(fileName, content)
  }
  return hashDir(root)
}

/** Finds the blob or tree at a repository-relative path; `''` is the root. */
export function findNode(tree: TreeNode, path: string): BlobNode | TreeNode | undefined {
  let node: BlobNode | TreeNode = tree
  for (const part of path.split('/').filter((p) => p !== '')) {
    if (node.type !== 'tree') return undefined
    const next: BlobNode | TreeNode | undefined = node.entries.get(part)
    if (!next) return undefined
    node = next
  }
  return node
}

/** Lists a tree in git order; recursively lists every subtree right after its entry. */
export function listTree(tree: TreeNode, recursive: boolean, prefix = ''): TreeListing[] {
  const listing: TreeListing[] = []
  for (const [name, node] of tree.entries) {
    const path = prefix + name
    if (node.type === 'blob') listing.push({ path, mode: node.mode, type: 'blob', sha: node.sha, size: node.size })
    else {
      listing.push({ path, mode: '040000', type: 'tree', sha: node.sha })
      if (recursive) listing.push(...listTree(node, true, `${path}/`))
    }
  }
  return listing
}

/** Finds a tree (root or subtree) with the given sha in any of the commits. */
export function findTreeBySha(commits: Record<string, CommitTree>, sha: string): TreeNode | undefined {
  for (const files of Object.values(commits)) {
    const found = searchTree(buildTree(files), sha)
    if (found) return found
  }
  return undefined
}

type MutableDir = Map<string, CommitEntry | MutableDir>

function hashDir(dir: MutableDir): TreeNode {
  const entries = new Map<string, BlobNode | TreeNode>()
  // git sorts entries by name, comparing a directory as if its name ended in "/".
  const sortKey = (name: string, value: CommitEntry | MutableDir) => (value instanceof Map ? `${name}/` : name)
  const names = [...dir.entries()].sort(([a, va], [b, vb]) => Buffer.compare(Buffer.from(sortKey(a, va)), Buffer.from(sortKey(b, vb))))
  const chunks: Buffer[] = []
  for (const [name, value] of names) {
    const node: BlobNode | TreeNode = value instanceof Map ? hashDir(value) : blobNode(value)
    entries.set(name, node)
    // Inside a tree object git writes the folder mode without its leading zero.
    const mode = node.type === 'tree' ? '40000' : node.mode
    chunks.push(Buffer.from(`${mode} ${name}\0`), Buffer.from(node.sha, 'hex'))
  }
  return { type: 'tree', sha: gitObjectSha('tree', Buffer.concat(chunks)), entries }
}

function blobNode(entry: CommitEntry): BlobNode {
  const content = entryText(entry)
  return { type: 'blob', mode: typeof entry === 'string' ? '100644' : '120000', sha: blobSha(content), size: Buffer.byteLength(content), content }
}

/** Finds a blob (file or link) with the given sha in any of the commits. */
export function findBlobBySha(commits: Record<string, CommitTree>, sha: string): BlobNode | undefined {
  for (const files of Object.values(commits)) {
    for (const entry of Object.values(files)) {
      if (blobSha(entryText(entry)) === sha) return blobNode(entry)
    }
  }
  return undefined
}

function searchTree(tree: TreeNode, sha: string): TreeNode | undefined {
  if (tree.sha === sha) return tree
  for (const node of tree.entries.values()) {
    if (node.type !== 'tree') continue
    const found = searchTree(node, sha)
    if (found) return found
  }
  return undefined
}

function gitObjectSha(type: 'blob' | 'tree', body: Buffer): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex')
}

import { createHash } from 'node:crypto'
import type { FileTree } from './types.js'

/** A file in a git tree. */
export interface BlobNode {
  type: 'blob'
  sha: string
  size: number
  content: string
}

/** A directory in a git tree, with the object id git would give it. */
export interface TreeNode {
  type: 'tree'
  sha: string
  entries: Map<string, BlobNode | TreeNode>
}

/** A tree entry as `GET /git/trees` lists it. */
export interface TreeListing {
  path: string
  mode: '100644' | '040000'
  type: 'blob' | 'tree'
  sha: string
  size?: number
}

/** Git's object id of a blob, so shas look and behave like real ones. */
export function blobSha(content: string): string {
  return gitObjectSha('blob', Buffer.from(content, 'utf8'))
}

/** Builds the nested git tree of a commit's flat file map, hashing every level as git does. */
export function buildTree(files: FileTree): TreeNode {
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
    if (node.type === 'blob') listing.push({ path, mode: '100644', type: 'blob', sha: node.sha, size: node.size })
    else {
      listing.push({ path, mode: '040000', type: 'tree', sha: node.sha })
      if (recursive) listing.push(...listTree(node, true, `${path}/`))
    }
  }
  return listing
}

/** Finds a tree (root or subtree) with the given sha in any of the commits. */
export function findTreeBySha(commits: Record<string, FileTree>, sha: string): TreeNode | undefined {
  for (const files of Object.values(commits)) {
    const found = searchTree(buildTree(files), sha)
    if (found) return found
  }
  return undefined
}

type MutableDir = Map<string, string | MutableDir>

function hashDir(dir: MutableDir): TreeNode {
  const entries = new Map<string, BlobNode | TreeNode>()
  // git sorts entries by name, comparing a directory as if its name ended in "/".
  const sortKey = (name: string, value: string | MutableDir) => (value instanceof Map ? `${name}/` : name)
  const names = [...dir.entries()].sort(([a, va], [b, vb]) => Buffer.compare(Buffer.from(sortKey(a, va)), Buffer.from(sortKey(b, vb))))
  const chunks: Buffer[] = []
  for (const [name, value] of names) {
    const node: BlobNode | TreeNode =
      value instanceof Map ? hashDir(value) : { type: 'blob', sha: blobSha(value), size: Buffer.byteLength(value), content: value }
    entries.set(name, node)
    const mode = node.type === 'tree' ? '40000' : '100644'
    chunks.push(Buffer.from(`${mode} ${name}\0`), Buffer.from(node.sha, 'hex'))
  }
  return { type: 'tree', sha: gitObjectSha('tree', Buffer.concat(chunks)), entries }
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

import { posix } from 'node:path'
import { buildTree, findBlobBySha, findNode, findTreeBySha, listTree } from '../git-objects.js'
import type { BlobNode, TreeNode } from '../git-objects.js'
import type { Urls } from '../representations.js'
import { errorResponse, json, notFound } from '../responses.js'
import { resolveCommit } from '../state.js'
import type { RouteHandler } from './context.js'

/** GitHub stops inlining file content in the contents API above 1 MB. */
const MAX_INLINE_CONTENT = 1024 * 1024

/** GET /repos/{owner}/{repo}/git/trees/{tree_sha}; `tree_sha` may be a commit sha, a branch or a tree sha. */
export const getTree: RouteHandler = ({ state, urls, params, query, docsUrl }) => {
  const ref = params.tree_sha ?? ''
  const commit = resolveCommit(state, ref)
  const tree = commit !== undefined ? buildTree(state.commits[commit] ?? {}) : findTreeBySha(state.commits, ref)
  if (!tree) return notFound(docsUrl)
  // Any value of `recursive` turns recursion on, even "0" and "false", as documented.
  const entries = listTree(tree, query.recursive !== undefined).map((entry) => ({
    ...entry,
    url: `${urls.repoApi}/git/${entry.type === 'blob' ? 'blobs' : 'trees'}/${entry.sha}`,
  }))
  return json(200, { sha: tree.sha, url: `${urls.repoApi}/git/trees/${tree.sha}`, tree: entries, truncated: false })
}

/**
 * GET /repos/{owner}/{repo}/contents/{path}?ref= — a file (base64, wrapped at 60
 * characters as GitHub does), a directory listing, or the raw file when the request
 * asks for `application/vnd.github.raw`.
 */
export const getContent: RouteHandler = ({ state, urls, params, query, headers, docsUrl }) => {
  const ref = typeof query.ref === 'string' && query.ref !== '' ? query.ref : state.repo.defaultBranch
  const commit = resolveCommit(state, ref)
  if (commit === undefined) return errorResponse(404, `No commit found for the ref ${ref}`, docsUrl)
  const path = (params.path ?? '').replace(/^\/+|\/+$/g, '')
  const tree = buildTree(state.commits[commit] ?? {})
  const node = findNode(tree, path)
  if (!node) return notFound(docsUrl)

  if (node.type === 'tree') {
    return json(200, [...node.entries].map(([name, child]) => contentEntry(urls, path ? `${path}/${name}` : name, child, ref)))
  }
  let file = { path, node }
  if (node.mode === '120000') {
    // As documented: a link to a normal file of the repository answers with that file's
    // content; any other link (outside, to a folder, to a link, dangling) with the link itself.
    const targetPath = linkTarget(path, node.content)
    const target = targetPath === null ? undefined : findNode(tree, targetPath)
    if (targetPath === null || target?.type !== 'blob' || target.mode !== '100644') return json(200, { ...contentEntry(urls, path, node, ref), type: 'symlink', target: node.content })
    file = { path: targetPath, node: target }
  }
  if (/application\/vnd\.github(\.v3)?\.raw/.test(headers.accept ?? '')) {
    return { status: 200, text: { contentType: 'application/vnd.github.raw; charset=utf-8', content: file.node.content } }
  }
  const inline = file.node.size <= MAX_INLINE_CONTENT
  return json(200, {
    ...contentEntry(urls, file.path, file.node, ref),
    content: inline ? base64Lines(file.node.content) : '',
    encoding: inline ? 'base64' : 'none',
  })
}

/**
 * GET /repos/{owner}/{repo}/git/blobs/{file_sha} — any blob of any commit (a file's content,
 * a symbolic link's target), base64 wrapped as GitHub does, or raw when asked for.
 */
export const getBlob: RouteHandler = ({ state, urls, params, headers, docsUrl }) => {
  const sha = params.file_sha ?? ''
  const blob = findBlobBySha(state.commits, sha)
  if (!blob) return notFound(docsUrl)
  if (/application\/vnd\.github(\.v3)?\.raw/.test(headers.accept ?? '')) {
    return { status: 200, text: { contentType: 'application/vnd.github.raw; charset=utf-8', content: blob.content } }
  }
  return json(200, {
    sha: blob.sha,
    node_id: `B_kwDO${Buffer.from(blob.sha.slice(0, 12), 'hex').toString('base64url')}`,
    size: blob.size,
    url: `${urls.repoApi}/git/blobs/${blob.sha}`,
    content: base64Lines(blob.content),
    encoding: 'base64',
  })
}

/** Where a relative link points in the repository; null when outside it or absolute. */
function linkTarget(linkPath: string, written: string): string | null {
  if (written.startsWith('/')) return null
  const target = posix.normalize(posix.join(posix.dirname(linkPath), written))
  return target === '.' || target === '..' || target.startsWith('../') ? null : target
}

function base64Lines(content: string): string {
  return wrap(Buffer.from(content, 'utf8').toString('base64'), 60)
}

function contentEntry(urls: Urls, path: string, node: BlobNode | TreeNode, ref: string) {
  const encodedPath = path.split('/').map(encodeURIComponent).join('/')
  const self = `${urls.repoApi}/contents/${encodedPath}?ref=${encodeURIComponent(ref).replace(/%2F/g, '/')}`
  const git = `${urls.repoApi}/git/${node.type === 'blob' ? 'blobs' : 'trees'}/${node.sha}`
  const html = `${urls.repoWeb}/${node.type === 'blob' ? 'blob' : 'tree'}/${ref}/${encodedPath}`
  return {
    type: node.type === 'tree' ? 'dir' : node.mode === '120000' ? 'symlink' : 'file',
    size: node.type === 'blob' ? node.size : 0,
    name: path.split('/').pop() ?? path,
    path,
    sha: node.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: node.type === 'blob' ? `https://raw.githubusercontent.com/${urls.repoWeb.split('/').slice(-2).join('/')}/${ref}/${encodedPath}` : null,
    _links: { self, git, html },
  }
}

function wrap(text: string, width: number): string {
  const lines: string[] = []
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width))
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

import { buildTree, findNode, findTreeBySha, listTree } from '../git-objects.js'
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
  const node = findNode(buildTree(state.commits[commit] ?? {}), path)
  if (!node) return notFound(docsUrl)

  if (node.type === 'tree') {
    return json(200, [...node.entries].map(([name, child]) => contentEntry(urls, path ? `${path}/${name}` : name, child, ref)))
  }
  if (/application\/vnd\.github(\.v3)?\.raw/.test(headers.accept ?? '')) {
    return { status: 200, text: { contentType: 'application/vnd.github.raw; charset=utf-8', content: node.content } }
  }
  const inline = node.size <= MAX_INLINE_CONTENT
  return json(200, {
    ...contentEntry(urls, path, node, ref),
    content: inline ? wrap(Buffer.from(node.content, 'utf8').toString('base64'), 60) : '',
    encoding: inline ? 'base64' : 'none',
  })
}

function contentEntry(urls: Urls, path: string, node: BlobNode | TreeNode, ref: string) {
  const encodedPath = path.split('/').map(encodeURIComponent).join('/')
  const self = `${urls.repoApi}/contents/${encodedPath}?ref=${encodeURIComponent(ref).replace(/%2F/g, '/')}`
  const git = `${urls.repoApi}/git/${node.type === 'blob' ? 'blobs' : 'trees'}/${node.sha}`
  const html = `${urls.repoWeb}/${node.type === 'blob' ? 'blob' : 'tree'}/${ref}/${encodedPath}`
  return {
    type: node.type === 'blob' ? 'file' : 'dir',
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

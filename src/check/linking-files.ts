import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { resolveLink } from '../links/resolve-link.js'
import { decodeUtf8 } from '../parse/decode.js'
import type { RepoIndex } from '../repo/repo-index.js'
import type { Config } from '../config/types.js'
import { treeInThread } from './check-in-thread.js'
import type { SourceFile } from './check-source.js'

/** What resolving a file's links needs. */
interface LinkContext {
  config: Config
  repository: string | null
  index: RepoIndex
}

/**
 * The files that link to one of `targets` (paths a change removed or renamed), so that
 * deleting `iaas/20220928.md` re-checks the weekly that links it. A file is parsed only when
 * its text names a target's file name (a cheap filter over bytes, not a Markdown parse);
 * its links are then resolved as the link rule resolves them.
 */
export function filesLinkingTo(sources: Iterable<SourceFile>, targets: ReadonlySet<string>, context: LinkContext): string[] {
  if (targets.size === 0) return []
  const names = [...new Set([...targets].map((path) => fileNameOf(path)))]
  const linking: string[] = []
  for (const source of sources) {
    if (targets.has(source.path)) continue
    const text = decodeUtf8(source.content).text
    if (!names.some((name) => text.includes(name))) continue
    // Parsed under the check's budgets: a file they stop links nothing here (its own check reports it).
    const tree = treeInThread(source, context)
    if (tree && linksTo(tree, source.path, targets, context.repository, context.index)) linking.push(source.path)
  }
  return linking.sort()
}

/** The last path segment without `.md`, so links that leave out the extension are found too. */
function fileNameOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/i, '')
}

/** Whether the tree of `fromPath` links to one of `targets` (with or without `.md`), as the link rule resolves links. */
export function linksTo(tree: Root, fromPath: string, targets: ReadonlySet<string>, repository: string | null, index: RepoIndex): boolean {
  let found = false
  visit(tree, (node) => {
    if (found || (node.type !== 'link' && node.type !== 'definition')) return
    const target = resolveLink(node.url, fromPath, repository, index)
    if (target.kind === 'repo' && (targets.has(target.path) || targets.has(`${target.path}.md`))) found = true
  })
  return found
}

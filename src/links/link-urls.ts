import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'

/** The URLs of every link and link definition of a parsed document, in order. */
export function collectLinkUrls(tree: Root): string[] {
  const urls: string[] = []
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') urls.push(node.url)
  })
  return urls
}

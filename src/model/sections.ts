import { trimTrailing } from '../markup/trim-trailing.js'
import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Section } from './types.js'

/** Heading text compared the way people read it: case, spacing and trailing `:` ignored. */
export function headingKey(text: string): string {
  return trimTrailing(text.toLowerCase().replace(/\s+/g, ' '), ':.').trim()
}

/** The sections of a document: each top-level heading and the nodes up to the next heading as deep or deeper. */
export function sectionsOf(tree: Root): Section[] {
  const headings: Array<{ heading: Heading; index: number }> = []
  tree.children.forEach((node, index) => {
    if (node.type === 'heading') headings.push({ heading: node, index })
  })
  return headings.map(({ heading, index }, at) => {
    const next = headings.slice(at + 1).find((other) => other.heading.depth <= heading.depth)
    return {
      heading,
      title: toString(heading).trim(),
      depth: heading.depth,
      start: index,
      end: next ? next.index : tree.children.length,
    }
  })
}

/** The subsections one level below `parent`, in order. */
export function childSections(sections: Section[], parent: Section): Section[] {
  return sections.filter((section) => section.start > parent.start && section.start < parent.end && section.depth === parent.depth + 1)
}

/** Index of the first heading after the section's own heading, or its end: where its own text stops. */
export function ownContentEnd(tree: Root, section: Section): number {
  for (let index = section.start + 1; index < section.end; index++) {
    if (tree.children[index]?.type === 'heading') return index
  }
  return section.end
}

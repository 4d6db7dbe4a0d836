import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

/**
 * The one Markdown parser of the project: CommonMark + GFM (bare URLs become links, as
 * real minutes write `Minutes: https://github.com/...`) + YAML front matter (slide decks).
 * Frozen once, so every file reuses the same parser configuration.
 */
export const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/** Parses Markdown text into mdast. Never throws on any string input. */
export function parseMarkdown(text: string): Root {
  return markdownParser.parse(text)
}

/**
 * Markdown rendered the way GitHub renders a comment: GFM, raw HTML parsed, then GitHub's
 * HTML allow-list (rehype-sanitize's default schema is GitHub's). The render tests check our
 * comments on the result; `npm run render:comment` screenshots it.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast'
import type { Root as MdastRoot, Table } from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { SourceLinks } from '../src/markup/permalink.js'
import { SUMMARY_MARKER } from '../src/render/summary.js'
import { entryText, type GitHubSim } from './github-sim/index.js'

/** A comment as GitHub shows it: the Markdown tree, the sanitised HTML tree and its HTML. */
export interface RenderedComment {
  mdast: MdastRoot
  hast: HastRoot
  html: string
}

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize)

/** Renders a comment body as GitHub does (GFM → HTML → GitHub's allow-list). */
export function renderAsGitHub(markdown: string): RenderedComment {
  const mdast = unified().use(remarkParse).use(remarkGfm).parse(markdown)
  const hast = toHast.runSync(structuredClone(mdast) as never) as HastRoot
  const html = unified().use(rehypeStringify).stringify(hast)
  return { mdast, hast, html }
}

/** What a comment may point at: files at the checked commit, and issues of the repository. */
export interface CommentExpectations {
  links: SourceLinks
  /** The minutes the run read: a backtick shown as text must come from them. */
  sources: readonly string[]
  /** Links to the repository's issue search (`…/issues?q=`) are ours too (the dashboard's groups). */
  issueSearch?: boolean
  /** Elements this body writes beyond a comment's (the dashboard's `hr` and `sub`). */
  elements?: readonly string[]
}

/** The elements our comments are made of; anything else came from somewhere it should not. */
const OUR_ELEMENTS = new Set(['h2', 'h3', 'p', 'strong', 'em', 'code', 'a', 'ul', 'li', 'details', 'summary', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br'])

/**
 * Everything wrong with a comment as GitHub would show it, one line each (none: all good):
 * a literal backtick in our text (a code span that did not render), a table row whose cells
 * do not match its header, a `<details>` that does not close (or swallows a heading), a link
 * that is not absolute or points elsewhere than the checked commit or the repository's
 * issues, an element we never write (minutes text that became a tag), or a mention or issue
 * reference in text.
 */
export function commentProblems(body: string, expected: CommentExpectations): string[] {
  const { mdast, hast } = renderAsGitHub(body)
  const problems: string[] = []
  visit(mdast, 'table', (table: Table) => {
    const width = table.children[0]?.children.length ?? 0
    if (width === 0 || table.children.length < 2) problems.push(`a table without a header and rows at line ${table.position?.start.line}`)
    for (const row of table.children) {
      if (row.children.length !== width) problems.push(`a table row with ${row.children.length} cells under a header of ${width}, line ${row.position?.start.line}`)
    }
  })
  const opened = body.split('<details>').length - 1
  const closed = body.split('</details>').length - 1
  const details = elements(hast, 'details')
  if (closed !== opened) problems.push(`${opened} <details> written, ${closed} closed`)
  if (details.length !== opened) problems.push(`${opened} <details> written, ${details.length} rendered`)
  for (const fold of details) {
    if (fold.children.find(isElement)?.tagName !== 'summary') problems.push('a <details> without its <summary> first')
    if (elements(fold, 'h2').length + elements(fold, 'h3').length + elements(fold, 'details').length > 0) problems.push('a <details> that swallowed a heading or another fold: it does not close')
  }
  const blob = `${expected.links.serverUrl}/${expected.links.repository}/blob/${expected.links.sha}/`
  const issues = new RegExp(`^${escapeRegExp(`${expected.links.serverUrl}/${expected.links.repository}/issues/`)}\\d+$`)
  const search = `${expected.links.serverUrl}/${expected.links.repository}/issues?q=`
  for (const anchor of elements(hast, 'a')) {
    const href = String(anchor.properties['href'] ?? '')
    if (!href.startsWith(blob) && !issues.test(href) && !(expected.issueSearch && href.startsWith(search))) problems.push(`a link to ${JSON.stringify(href)}: not at the checked commit`)
  }
  for (const element of elements(hast)) {
    if (!OUR_ELEMENTS.has(element.tagName) && !expected.elements?.includes(element.tagName)) problems.push(`an element <${element.tagName}> we never write`)
  }
  for (const { text, inCode, inLink } of texts(hast)) {
    if (inCode) continue
    // A backtick the minutes wrote stays (escaped); the piece around it must be theirs.
    for (const word of text.replace(/\u200B/g, '').split(/[\s/]+/).filter((each) => each.includes('`'))) {
      if (!expected.sources.some((source) => source.includes(word))) problems.push(`a literal backtick in ${JSON.stringify(word)}: a code span of ours did not render`)
    }
    if (/(?:^|[^\p{L}\p{N}_`/.-])@[\p{L}\p{N}]/u.test(text)) problems.push(`a mention in ${JSON.stringify(text.slice(0, 80))}`)
    if (!inLink && /(?:^|[^\p{L}\p{N}_&])(?:[\w.-]+\/[\w.-]+)?#\d/u.test(text)) problems.push(`an issue reference in ${JSON.stringify(text.slice(0, 80))}`)
  }
  return problems
}

function isElement(node: ElementContent | RootContent): node is Element {
  return node.type === 'element'
}

/** Every element below a node (with that tag name, when given), depth first. */
function elements(node: HastRoot | Element, tagName?: string): Element[] {
  const children: Array<ElementContent | RootContent> = node.children
  return children.filter(isElement).flatMap((child) => [...(tagName === undefined || child.tagName === tagName ? [child] : []), ...elements(child, tagName)])
}

/** Every text node, and whether it is inside a code span or a link. */
function texts(node: HastRoot | Element, inCode = false, inLink = false): Array<{ text: string; inCode: boolean; inLink: boolean }> {
  return node.children.flatMap((child) => {
    if (child.type === 'text') return [{ text: child.value, inCode, inLink }]
    if (!isElement(child)) return []
    return texts(child, inCode || child.tagName === 'code', inLink || child.tagName === 'a')
  })
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The problems of every summary comment in a simulated repository, as GitHub would render
 * it: links must point at its pull request's head, backticks shown as text must come from
 * the minutes of some commit. The e2e tests call this after each test.
 */
export function simCommentProblems(sim: GitHubSim, serverUrl = 'https://github.com'): string[] {
  const repository = `${sim.state.repo.owner}/${sim.state.repo.name}`
  const sources = Object.values(sim.state.commits).flatMap((tree) => Object.values(tree).map(entryText))
  return sim.state.comments
    .filter((comment) => comment.body.startsWith(SUMMARY_MARKER))
    .flatMap((comment) => {
      const pull = sim.state.pulls.find((candidate) => candidate.number === comment.issue_number)
      if (!pull) return [`comment ${comment.id} is on #${comment.issue_number}, which is no pull request`]
      const problems = commentProblems(comment.body, { links: { serverUrl, repository, sha: pull.head.sha }, sources })
      return problems.map((problem) => `comment ${comment.id}: ${problem}`)
    })
}

/**
 * `npm run render:comment`: the demo's summary comments as a reviewer sees them. Runs the
 * bundled action for the demo's pull request (and again after a push that fixes its broken
 * link: the same comment, edited), renders each comment as GitHub does (GFM, then GitHub's
 * HTML allow-list, see test-support/github-markdown.ts) into a page styled like a GitHub
 * conversation, and screenshots it in headless Chromium to docs/comment.png. Then the
 * dashboard issue after the demo's merge, the same way, to docs/dashboard.png.
 * Bundled on the fly to build/render-comment by scripts/render-comment.js (never to dist/).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { renderAsGitHub } from '../test-support/github-markdown.js'
import { EXAMPLE_TREE, HEAD_SHA, PR_NUMBER, WEEKLY, runOnPullRequest, runOnPush, startMinutesRepo } from '../test-support/minutes-scenario.js'

const WIDTH = 980
const chromium = process.env['CHROMIUM'] ?? '/usr/bin/chromium'
const output = resolve(process.argv[2] ?? 'docs/comment.png')
const dashboardOutput = resolve(process.argv[3] ?? 'docs/dashboard.png')

/** The comment after each of the demo's pushes. */
async function demoComments(): Promise<Array<{ caption: string; body: string }>> {
  const sim = await startMinutesRepo()
  try {
    await runOnPullRequest({ sim, files: EXAMPLE_TREE })
    const first = sim.state.comments[0]?.body ?? ''
    const fixed = { ...EXAMPLE_TREE, [WEEKLY]: (EXAMPLE_TREE[WEEKLY] ?? '').replace('platform/20261117.md', 'platform/20261118.md') }
    await runOnPullRequest({ sim, files: fixed })
    const second = sim.state.comments[0]?.body ?? ''
    sim.assertNoViolations()
    return [
      { caption: `Pull request #${PR_NUMBER} adds ${WEEKLY}`, body: first },
      { caption: 'After a push that fixes the broken link: the same comment, edited', body: second },
    ]
  } finally {
    await sim.close()
  }
}

/** The dashboard issue after the demo's merge (its body, as the issue's first comment shows it). */
async function demoDashboard(): Promise<Array<{ caption: string; body: string }>> {
  const sim = await startMinutesRepo()
  try {
    await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })
    const dashboard = sim.state.issues.find((issue) => issue.labels.includes('minutes-dashboard'))
    sim.assertNoViolations()
    return [{ caption: `Issue #${dashboard?.number}: ${dashboard?.title}, after the merge of pull request #${PR_NUMBER}`, body: dashboard?.body ?? '' }]
  } finally {
    await sim.close()
  }
}

const CSS = `
  body { margin: 0; padding: 24px; background: #ffffff; width: ${WIDTH - 48}px;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", "Liberation Sans", "DejaVu Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji";
    color: #1f2328; }
  .caption { color: #59636e; font-size: 12px; margin: 0 0 6px 2px; }
  .comment { border: 1px solid #d1d9e0; border-radius: 6px; margin-bottom: 24px; }
  .comment-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; padding: 8px 16px; color: #59636e; }
  .comment-header strong { color: #1f2328; }
  .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; margin: 0 4px; }
  .markdown-body { padding: 16px; }
  .markdown-body > :first-child { margin-top: 0; }
  h2, h3 { font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
  h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
  h3 { font-size: 1.25em; }
  p, ul, table, details { margin: 0 0 16px; }
  ul { padding-left: 2em; }
  li + li { margin-top: .25em; }
  ul ul { margin: .25em 0 0; }
  a { color: #0969da; text-decoration: none; }
  code { font: 85%/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
    background: #818b981f; border-radius: 6px; padding: .2em .4em; white-space: break-spaces; }
  table { border-collapse: collapse; border-spacing: 0; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  th { font-weight: 600; }
  tr { background: #ffffff; border-top: 1px solid #d1d9e0b3; }
  tr:nth-child(2n) { background: #f6f8fa; }
  summary { cursor: pointer; }
  hr { height: .25em; padding: 0; margin: 24px 0; background: #d1d9e0; border: 0; }
  sub { color: #59636e; }
  details > summary + * { margin-top: 16px; }
`

function page(comments: ReadonlyArray<{ caption: string; body: string }>, verb: string): string {
  const boxes = comments.map(
    ({ caption, body }) => `<p class="caption">${caption}</p>
<div class="comment"><div class="comment-header"><strong>github-actions</strong><span class="bot">bot</span> ${verb}</div>
<div class="markdown-body">${renderAsGitHub(body).html}</div></div>`,
  )
  // The page reports its own height (read with --dump-dom) so the screenshot fits it.
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${boxes.join('\n')}
<script>addEventListener('load', () => { document.title = 'height=' + Math.ceil(document.documentElement.scrollHeight) })</script></body></html>`
}

/** Headless Chromium, isolated: a fresh profile, no network services, no GPU. */
function runChromium(args: string[], profile: string): string {
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${profile}`]
  return execFileSync(chromium, [...flags, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 })
}

/** Screenshots a page of comments to `target`, as tall as the page. */
function screenshot(comments: ReadonlyArray<{ caption: string; body: string }>, target: string, work: string, name: string, verb: string): number {
  const html = join(work, `${name}.html`)
  writeFileSync(html, page(comments, verb))
  const url = `file://${html}`
  const dom = runChromium([`--window-size=${WIDTH},800`, '--virtual-time-budget=2000', '--dump-dom', url], join(work, `${name}-profile-1`))
  const height = Number(/<title>height=(\d+)<\/title>/.exec(dom)?.[1] ?? 2000)
  mkdirSync(resolve(target, '..'), { recursive: true })
  runChromium([`--window-size=${WIDTH},${height}`, '--virtual-time-budget=2000', `--screenshot=${target}`, url], join(work, `${name}-profile-2`))
  return height
}

const work = mkdtempSync(join(tmpdir(), 'minutes-comment-'))
try {
  const height = screenshot(await demoComments(), output, work, 'comment', 'commented')
  process.stdout.write(`Wrote ${output} (${WIDTH}×${height}), the demo's comments as GitHub renders them.\n`)
  const dashboardHeight = screenshot(await demoDashboard(), dashboardOutput, work, 'dashboard', 'opened this issue (edited by every merge)')
  process.stdout.write(`Wrote ${dashboardOutput} (${WIDTH}×${dashboardHeight}), the demo's dashboard issue as GitHub renders it.\n`)
} finally {
  rmSync(work, { recursive: true, force: true })
}

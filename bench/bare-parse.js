// The reference: read every minutes file of a repository and parse it with the same remark
// configuration the engine uses (CommonMark + GFM + front matter), and nothing else.
// `node bench/bare-parse.js ROOT [PART PARTS]`: only every PARTS-th file from the PART-th
// (0-based), so that PARTS processes side by side share the corpus as workers would.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const root = process.argv[2]
const part = Number(process.argv[3] ?? 0)
const parts = Number(process.argv[4] ?? 1)
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()
let nodes = 0
let at = 0
for (const folder of readdirSync(root, { withFileTypes: true })) {
  if (!folder.isDirectory() || folder.name.startsWith('.')) continue
  for (const name of readdirSync(join(root, folder.name))) {
    if (!name.endsWith('.md')) continue
    if (at++ % parts !== part) continue
    nodes += parser.parse(readFileSync(join(root, folder.name, name), 'utf8')).children.length
  }
}
process.stdout.write(`${nodes}\n`)

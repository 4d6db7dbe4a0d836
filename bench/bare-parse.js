// The reference: read every minutes file of a repository and parse it with the same remark
// configuration the engine uses (CommonMark + GFM + front matter), and nothing else.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const root = process.argv[2]
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()
let nodes = 0
for (const folder of readdirSync(root, { withFileTypes: true })) {
  if (!folder.isDirectory() || folder.name.startsWith('.')) continue
  for (const name of readdirSync(join(root, folder.name))) {
    if (!name.endsWith('.md')) continue
    nodes += parser.parse(readFileSync(join(root, folder.name, name), 'utf8')).children.length
  }
}
process.stdout.write(`${nodes}\n`)

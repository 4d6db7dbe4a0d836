// Reads the documentation of every rule from its module's doc comment, remark-lint style:
// prose (the first paragraph is the one-line summary), then `@example` blocks, each opened by
// a JSON line (`{"name": "ok.md", "path": "iaas/20230322.md"}`; `"label": "input"` /
// `"output"` for a not-ok pair) and followed by the Markdown in or the findings out.
// The same reading feeds docs/rules.md (scripts/generate-rules-doc.js) and the test that runs
// every example through the engine (__tests__/docs/rule-examples.test.ts), so a rule is
// described once, in its module.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Rule modules hold `/** … *\/ export const x = defineRule('id', …)`; other files in src/rules/ are plumbing. */
const RULE_MODULE = /\/\*\*([\s\S]*?)\*\/\s*export const \w+ = defineRule\(\s*'([a-z-]+)'/

/** The rule ids in the order src/constants.ts lists them. */
export function ruleOrder(root) {
  const constants = readFileSync(join(root, 'src/constants.ts'), 'utf8')
  const list = /export const RULE_IDS = \[([\s\S]*?)\] as const/.exec(constants)?.[1] ?? ''
  return [...list.matchAll(/'([a-z-]+)'/g)].map((match) => match[1])
}

/** Every rule's documentation, in the order of RULE_IDS. */
export function readRuleDocs(root) {
  const folder = join(root, 'src/rules')
  const docs = []
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.ts')) continue
    const source = readFileSync(join(folder, name), 'utf8')
    const match = RULE_MODULE.exec(source)
    if (match) docs.push({ file: `src/rules/${name}`, id: match[2], ...parseDocComment(match[1]) })
  }
  const order = ruleOrder(root)
  return docs.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
}

/** Splits a doc comment's body into summary, prose and examples. */
export function parseDocComment(body) {
  const lines = body.split('\n').map((line) => line.replace(/^\s*\* ?/, ''))
  const [prose, ...blocks] = lines.join('\n').split(/^@example[ \t]*$/m)
  const paragraphs = prose.trim().split(/\n\s*\n/)
  return {
    summary: (paragraphs[0] ?? '').replace(/\s+/g, ' ').trim(),
    details: paragraphs.slice(1).join('\n\n').trim(),
    examples: blocks.map(parseExample),
  }
}

function parseExample(block) {
  // Example lines are indented by two spaces under `@example`.
  const lines = block.replace(/^\n/, '').split('\n').map((line) => line.replace(/^ {2}/, ''))
  const header = lines.shift() ?? '{}'
  const meta = JSON.parse(header)
  const text = lines.join('\n').replace(/^\n/, '').replace(/\s+$/, '')
  return { ...meta, label: meta.label ?? (meta.name?.startsWith('ok') ? 'ok' : 'input'), text: text === '' ? '' : `${text}\n` }
}

/** docs/rules.md, generated: edit the rule modules' doc comments, then `npm run docs:rules`. */
export function renderRulesDoc(docs) {
  const parts = [
    '# Rules',
    '',
    '<!-- Generated from the doc comments of src/rules/*.ts by `npm run docs:rules`; do not edit by hand. -->',
    '',
    'Every check is a remark-lint rule with a stable id. Findings carry the rule id, a',
    'severity, a position (line, column, end) and a message that says what was found and what',
    'was expected; where the fix is known, a `suggestion`. A profile sets each rule\'s level',
    '(`error`, `warning`, `info` or `off`); a message may be softer than its rule\'s level',
    '(a fixable title date is only a warning, a placeholder with no minutes to link only a note).',
    'Each rule\'s examples below are run by the tests: the Markdown in, the findings out.',
  ]
  for (const doc of docs) {
    parts.push('', `### \`${doc.id}\``, '', doc.summary)
    if (doc.details) parts.push('', doc.details)
    for (const example of doc.examples) parts.push('', ...renderExample(example))
  }
  return `${parts.join('\n')}\n`
}

function renderExample(example) {
  const settings = [example.path && `file \`${example.path}\``, example.files && `beside ${example.files.map((file) => `\`${file}\``).join(', ')}`, example.config && `with \`${JSON.stringify(example.config)}\``]
    .filter(Boolean)
    .join(', ')
  const title = example.label === 'output' ? `\`${example.name}\`: findings` : `\`${example.name}\`${settings ? ` (${settings})` : ''}`
  const language = example.label === 'output' ? 'text' : 'markdown'
  const body = example.label === 'output' && example.text === '' ? 'No findings.\n' : example.text
  const fence = body.includes('```') ? '````' : '```'
  return [`##### ${title}`, '', `${fence}${language}`, ...body.replace(/\n$/, '').split('\n'), fence]
}

// `npm run docs:rules`: writes docs/rules.md from the rule modules' doc comments. A test
// fails when the committed page is not what this writes.
import { writeFileSync } from 'node:fs'
import { readRuleDocs, renderRulesDoc } from './rule-docs.js'

writeFileSync('docs/rules.md', renderRulesDoc(readRuleDocs('.')))
process.stdout.write('docs/rules.md written from src/rules/*.ts.\n')

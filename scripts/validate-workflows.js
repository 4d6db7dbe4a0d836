// Validates every workflow in .github/workflows/ with action-validator (the workflow JSON
// Schema, run from the npm package @action-validator/cli), so a misspelt key fails CI before
// GitHub ignores the workflow. action.yml is checked by __tests__/action/action-yml.test.ts
// instead: the validator's schema predates `using: node24`. An argument names another folder.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const validator = join(createRequire(import.meta.url).resolve('@action-validator/cli/package.json'), '..', 'cli.mjs')
const folder = process.argv[2] ? resolve(process.argv[2]) : join(root, '.github', 'workflows')
const workflows = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort()
if (workflows.length === 0) {
  process.stderr.write(`No workflows in ${folder}.\n`)
  process.exit(1)
}
let failed = 0
for (const name of workflows) {
  const result = spawnSync(process.execPath, [validator, join(folder, name)], { encoding: 'utf8' })
  if (result.status === 0) continue
  failed++
  process.stderr.write(`${join(folder, name)} is not a valid workflow:\n${result.stdout}${result.stderr}\n`)
}
if (failed > 0) process.exit(1)
process.stdout.write(`${workflows.length} workflows valid: ${workflows.join(', ')}.\n`)

// `node --import ./scripts/ts-imports.js file.ts`: runs the project's TypeScript on Node 24's
// own type stripping. Sources import each other as `./x.js` (as tsc and ncc want); this hook
// resolves such a specifier to `./x.ts` when only the TypeScript file exists.
import { register } from 'node:module'

const hook = `
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
    const typescript = new URL(specifier.slice(0, -3) + '.ts', context.parentURL)
    if (!existsSync(fileURLToPath(new URL(specifier, context.parentURL))) && existsSync(fileURLToPath(typescript))) return next(typescript.href, context)
  }
  return next(specifier, context)
}`
register(`data:text/javascript,${encodeURIComponent(hook)}`)

import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The name in our package.json (the npm package of the CLI). */
export const PACKAGE_NAME = 'minutes-check'

/**
 * The project's root: the nearest folder above this module whose package.json is ours. Found
 * by name, not by a fixed `..`, so it also holds inside the demo's bundle (dist/demo/).
 */
function findProjectRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return folder
    if (dirname(folder) === folder) throw new Error(`no ${PACKAGE_NAME} package.json above ${start}`)
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)))

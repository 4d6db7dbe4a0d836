import { dirname, resolve } from 'node:path'

/**
 * The folder the user ran the CLI from. `npm run minutes-check` (also `npm --prefix CLONE run
 * minutes-check`) starts the script in the package's own folder and keeps the user's in
 * `INIT_CWD`: without this, it would check the tool's repository instead of the user's.
 * Only that script: a child process merely inheriting `INIT_CWD` (a test runner's, a script
 * that `cd`s first) keeps its own folder.
 */
export function invocationFolder(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const { INIT_CWD: initCwd, npm_lifecycle_event: script, npm_package_json: manifest } = env
  if (!initCwd || script !== 'minutes-check' || !manifest) return cwd
  return resolve(dirname(manifest)) === resolve(cwd) ? initCwd : cwd
}

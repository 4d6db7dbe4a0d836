/**
 * Hostile files (issue 10): shapes an attacker or an unlucky editor can put in a pull request,
 * and a way to run the CLI with its workers from the bundle (dist/cli/index.js) in tests.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../src/cli/main.js'
import type { FileReport, RunReport } from '../src/report/types.js'
import { PROJECT_ROOT } from './project-root.js'

/** The CLI bundle, which check workers run (`npm run build` first). */
export const CLI_BUNDLE = join(PROJECT_ROOT, 'dist/cli/index.js')

/** Whether the CLI bundle is built. */
export const bundleBuilt = existsSync(CLI_BUNDLE)

/** Deterministic pseudo-random bytes (a linear congruential generator), so a failure replays. */
export function randomBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed
  for (let at = 0; at < length; at++) {
    state = (state * 1103515245 + 12345) % 2147483648
    bytes[at] = state >>> 16 & 0xff
  }
  return bytes
}

/** A copy of `source` (a folder) in a new temporary folder, with `extra` files written into it. */
export function repoWith(source: string | null, extra: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-hostile-'))
  if (source) cpSync(source, root, { recursive: true })
  for (const [path, content] of Object.entries(extra)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

/** Runs `minutes-check --format json` in-process with workers from the CLI bundle. */
export async function checkJson(root: string, args: string[] = []): Promise<{ code: number; report: RunReport; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(['--root', root, '--format', 'json', ...args], {
    cwd: root,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    workerScript: CLI_BUNDLE,
  })
  if (code === 2) throw new Error(`minutes-check failed: ${stderr}`)
  return { code, report: JSON.parse(stdout) as RunReport, stderr }
}

/** The reports of a run by path, without one path. */
export function reportsWithout(report: RunReport, path: string): FileReport[] {
  return report.files.filter((file) => file.path !== path)
}

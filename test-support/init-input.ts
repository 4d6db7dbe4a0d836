import type { InitInput } from '../src/init/infer-config.js'
import { localReader } from '../src/read/local-reader.js'

/** What `minutes-check init` reads from a folder: the file list and the Markdown files' bytes. */
export async function readInitInput(root: string): Promise<InitInput> {
  const reader = localReader(root)
  const paths = await reader.listFiles()
  const files = new Map<string, Uint8Array>()
  for (const path of paths.filter((candidate) => candidate.endsWith('.md'))) {
    const content = await reader.readFile(path)
    if (content) files.set(path, content)
  }
  return { paths, files, repositoryHint: null }
}

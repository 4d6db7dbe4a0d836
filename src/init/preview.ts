import type { WarmWorkers } from '../check/check-pool.js'
import { checkRepository } from '../check/check-repository.js'
import { DEFAULT_CONFIG_PATH } from '../constants.js'
import type { RepoReader } from '../read/repo-reader.js'
import type { RunReport } from '../report/types.js'
import type { InitInput } from './infer-config.js'

const encoder = new TextEncoder()

/**
 * Checks the repository as `init` read it, under the configuration it is about to write:
 * the same orchestrator as `minutes-check`, over the files in memory, so the count `init`
 * prints is the count the first real run gets, in worker threads when `workerScript` is
 * given (every core): `warm`, those of the layout pass, check the trees they kept (each file
 * parsed once in `init`, issue 22). Throws ConfigError if the text does not load.
 */
export async function previewCheck(input: InitInput, configText: string, workerScript: string | URL | null = null, warm: WarmWorkers | null = null): Promise<RunReport> {
  const { report } = await checkRepository(memoryReader(input, configText), { workerScript, warm })
  return report
}

/** A RepoReader over `init`'s input, with the proposed configuration in place of any existing one. */
function memoryReader(input: InitInput, configText: string): RepoReader {
  const paths = [...new Set([...input.paths, DEFAULT_CONFIG_PATH])].sort()
  return {
    listFiles: () => Promise.resolve(paths),
    readFile: (path) => {
      if (path === DEFAULT_CONFIG_PATH) return Promise.resolve(encoder.encode(configText))
      const content = input.files.get(path)
      if (content === undefined) return Promise.resolve(null)
      return Promise.resolve(typeof content === 'string' ? encoder.encode(content) : content)
    },
    repositoryHint: () => Promise.resolve(input.repositoryHint ?? null),
  }
}

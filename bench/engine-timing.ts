// In-process timing of the engine against the bare parse of the same files, in one
// process and one run, alternating rounds so both see the same machine state.
// Built by bench/run.js with ncc (the same bundler as dist/) and run with Node 24.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCheck } from '../src/check/run-check.js'
import { selectFiles } from '../src/check/select-files.js'
import { loadConfig } from '../src/config/load-config.js'
import { indexRepository } from '../src/repo/repo-index.js'
import { parseMarkdown } from '../src/parse/parse-markdown.js'
import { listRepoFiles } from '../src/read/local-repo.js'

const root = process.argv[2] ?? 'bench/corpus'
const rounds = Number(process.argv[3] ?? 7)
const allPaths = await listRepoFiles(root)
const config = { ...loadConfig(readFileSync(join(root, '.github/minutes.yml'), 'utf8')) }
const paths = selectFiles(allPaths, [], config).paths
const sources = paths.map((path) => ({ path, content: readFileSync(join(root, path)) }))
const decoder = new TextDecoder()

const bare = () => {
  for (const source of sources) parseMarkdown(decoder.decode(source.content))
}
const full = () => runCheck(sources, { config, index: indexRepository(allPaths) })

const time = (work: () => unknown) => {
  const start = performance.now()
  work()
  return performance.now() - start
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

bare()
full()
const bareTimes: number[] = []
const fullTimes: number[] = []
for (let round = 0; round < rounds; round++) {
  bareTimes.push(time(bare))
  fullTimes.push(time(full))
}
const report = full()
process.stdout.write(
  `${JSON.stringify({ files: sources.length, findings: report.files.reduce((n, f) => n + f.findings.length, 0), actionItems: report.summary.actionItems, bareMs: median(bareTimes), fullMs: median(fullTimes) })}\n`,
)

import { test } from '@jest/globals'
import { join } from 'node:path'
import { configDocument } from '../../src/init/config-document.js'
import { configSupport } from '../../src/init/config-support.js'
import { describeInference } from '../../src/init/describe-inference.js'
import { inferConfiguration } from '../../src/init/infer-config.js'
import { previewCheck } from '../../src/init/preview.js'
import { localReader } from '../../src/read/local-reader.js'
import { formatText } from '../../src/report/format-text.js'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'

for (const root of (process.env.ROOTS ?? '').split(',').filter(Boolean)) {
  test(root, async () => {
    const dir = root.startsWith('/') ? root : join(PROJECT_ROOT, root)
    const reader = localReader(dir)
    const paths = await reader.listFiles()
    const files = new Map<string, Uint8Array>()
    for (const p of paths.filter((x) => x.endsWith('.md'))) files.set(p, (await reader.readFile(p)) as Uint8Array)
    const input = { paths, files, repositoryHint: null }
    const inference = inferConfiguration(input)
    const text = configDocument(inference, configSupport())
    const report = await previewCheck(input, text)
    process.stdout.write(`==== ${root}\n${text}\n${describeInference(inference, report, configSupport())}\n${formatText(report)}\n`)
  })
}

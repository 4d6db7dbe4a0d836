import { beforeAll, expect, test } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { runCli } from '../../src/cli/main.js'
import { REAL_SAMPLE, describeRealSample } from '../../test-support/real-sample.js'

/** The paths of the real repository's picture files (the pictures themselves are not shared). */
const PICTURES = join(REAL_SAMPLE, '../scs-pictures.txt')
const PAD = 'input.scs.community'

async function cli(argv: string[], cwd: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

function markdownFiles(root: string, folder = root): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return markdownFiles(root, path)
    return entry.name.endsWith('.md') ? [relative(root, path).split('\\').join('/')] : []
  })
}

/**
 * What the community's script says, written independently of the rule: for each Markdown
 * file, the pad's upload links (`https://input.scs.community/uploads/<name>`, a picture
 * name) whose `<name>` is not a picture file of the same folder.
 */
function referenceMissing(root: string, pictures: ReadonlySet<string>): string[] {
  const missing = new Set<string>()
  for (const path of markdownFiles(root)) {
    const text = readFileSync(join(root, path), 'utf8')
    const folder = dirname(path)
    for (const [, name] of text.matchAll(/https:\/\/input\.scs\.community\/uploads\/([A-Za-z0-9_-]+\.(?:png|jpe?g|gif|svg|webp|avif|heic|heif))/gi)) {
      const copy = folder === '.' ? `${name}` : `${folder}/${name}`
      if (!pictures.has(copy)) missing.add(`${path} → ${copy}`)
    }
  }
  return [...missing].sort()
}

describeRealSample('external-image-copied on the real sample, with its pictures as empty stand-ins', () => {
  let root: string
  let pictures: Set<string>

  beforeAll(() => {
    // The sample read from ../shared at test time into a temp dir (never into the project), with
    // an empty file under each picture path of the real repository.
    root = mkdtempSync(join(tmpdir(), 'minutes-pictures-'))
    cpSync(REAL_SAMPLE, root, { recursive: true, verbatimSymlinks: true })
    pictures = new Set(readFileSync(PICTURES, 'utf8').split('\n').filter((line) => line !== ''))
    for (const path of pictures) {
      mkdirSync(join(root, dirname(path)), { recursive: true })
      writeFileSync(join(root, path), '')
    }
  })

  test('init proposes the pad as the host, says how many copies are missing, and the rule reports exactly the pictures the script would', async () => {
    const init = await cli(['init'], root)
    expect(init.code).toBe(0)
    const config = parseYaml(readFileSync(join(root, '.github/minutes.yml'), 'utf8')) as { externalImages?: { hosts?: string[] } }
    expect(config.externalImages).toEqual({ hosts: [PAD] })

    const expected = referenceMissing(root, pictures)
    // The sample's own counts, for the reader: 30 of its 45 pad pictures (per file) have their
    // copy; 15 do not, 14 copies (one picture is shown by two files of the same folder).
    expect(expected).toHaveLength(15)
    expect(new Set(expected.map((entry) => entry.split(' → ')[1])).size).toBe(14)
    expect(init.stdout).toContain(`Pictures on ${PAD}: 30 of 45 links have a copy beside the minutes → externalImages.hosts; 14 copies missing (\`minutes-check fetch-images\` fetches them).`)

    const check = await cli(['--format', 'json', '--fail-on', 'never', '--jobs', '0'], root)
    expect(check.code).toBe(0)
    const report = JSON.parse(check.stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; message: string }> }> }
    const reported = report.files
      .flatMap((file) => file.findings.filter((finding) => finding.rule === 'external-image-copied').map((finding) => `${file.path} → ${/add `([^`]+)`/.exec(finding.message)?.[1]}`))
      .sort()
    expect(reported).toEqual(expected)
  })
})

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'

/** The smallest real PNG: signature, IHDR, IDAT, IEND. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
)
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')
const MAX_BYTES = 1000

/** The pad, on loopback only: what each upload path answers. */
function pad(): Promise<{ server: Server; host: string; requests: string[] }> {
  const requests: string[] = []
  const server = createServer((request, response) => {
    const path = request.url ?? ''
    requests.push(path)
    const { port } = server.address() as AddressInfo
    if (path === '/uploads/ok.png' || path === '/uploads/ok.png?w=600') response.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
    else if (path === '/uploads/moved.jpg') response.writeHead(302, { location: '/uploads/real.jpg' }).end()
    else if (path === '/uploads/real.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG)
    // Another host: the same server under another name, never to be asked.
    else if (path === '/uploads/away.png') response.writeHead(301, { location: `http://localhost:${port}/uploads/ok.png` }).end()
    else if (path === '/uploads/big.png') response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)]))
    else if (path === '/uploads/chunked.png') {
      // No length header: the cap is kept while reading.
      response.writeHead(200, { 'content-type': 'image/png' })
      response.write(PNG)
      response.end(Buffer.alloc(MAX_BYTES))
    } else if (path === '/uploads/login.png') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Sign in</body></html>')
    else response.writeHead(404, 'Not Found').end('no such upload')
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, requests })))
}

let server: Server
let host: string
let requests: string[]

beforeAll(async () => {
  ;({ server, host, requests } = await pad())
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function cli(argv: string[], cwd: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

/** A repository of one minutes file linking `names` on the pad; `present` already copied. */
function repository(names: string[], present: Record<string, Buffer> = {}, extraConfig = ''): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-fetch-'))
  mkdirSync(join(root, '.github'))
  mkdirSync(join(root, 'iaas'))
  writeFileSync(join(root, '.github/minutes.yml'), `externalImages:\n  hosts: ['${host}']\n  maxBytes: ${MAX_BYTES}\n${extraConfig}`)
  const lines = names.map((name) => `![](http://${host}/uploads/${name})`)
  writeFileSync(join(root, 'iaas/20240208.md'), `# IaaS 2024-02-08\n\n${lines.join('\n\n')}\n`)
  for (const [name, bytes] of Object.entries(present)) writeFileSync(join(root, 'iaas', name), bytes)
  return root
}

describe('minutes-check fetch-images', () => {
  test('saves each missing picture beside the minutes, a line per picture, and prints the git add line', async () => {
    const root = repository(['ok.png?w=600', 'moved.jpg'])
    const { code, stdout, stderr } = await cli(['fetch-images'], root)
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toBe(
      [
        `iaas/ok.png ← http://${host}/uploads/ok.png?w=600: saved (${PNG.length} bytes)`,
        `iaas/moved.jpg ← http://${host}/uploads/moved.jpg: saved (${JPEG.length} bytes)`,
        '',
        'Fetched 2 of 2 pictures; add them:',
        '  git add -- iaas/ok.png iaas/moved.jpg',
        '',
      ].join('\n'),
    )
    expect(readFileSync(join(root, 'iaas/ok.png'))).toEqual(PNG)
    // A redirect on the pad's own host is followed.
    expect(readFileSync(join(root, 'iaas/moved.jpg'))).toEqual(JPEG)
    expect(readdirSync(join(root, 'iaas')).sort()).toEqual(['20240208.md', 'moved.jpg', 'ok.png'])
    // The rule is satisfied afterwards.
    expect((await cli(['--format', 'json', '--fail-on', 'warning'], root)).code).toBe(0)
  })

  test('names each picture it could not fetch and why, exits 1, and leaves nothing half-written', async () => {
    const root = repository(['gone.png', 'away.png', 'big.png', 'chunked.png', 'login.png', 'ok.png'])
    requests.length = 0
    const { code, stdout, stderr } = await cli(['fetch-images', 'iaas/20240208.md'], root)
    expect(code).toBe(1)
    const url = (name: string) => `http://${host}/uploads/${name}`
    const reasons = {
      'gone.png': 'HTTP 404 Not Found',
      'away.png': `redirected to another host (localhost:${host.split(':')[1]}); not followed`,
      'big.png': `larger than ${MAX_BYTES} bytes (externalImages.maxBytes)`,
      'chunked.png': `larger than ${MAX_BYTES} bytes (externalImages.maxBytes)`,
      'login.png': 'what arrived is not a png picture (text/html)',
    }
    expect(stdout.split('\n')).toEqual([
      ...Object.entries(reasons).map(([name, reason]) => `iaas/${name} ← ${url(name)}: not fetched: ${reason}`),
      `iaas/ok.png ← ${url('ok.png')}: saved (${PNG.length} bytes)`,
      '',
      'Fetched 1 of 6 pictures; add them:',
      '  git add -- iaas/ok.png',
      '',
    ])
    expect(stderr.split('\n')).toEqual([
      'minutes-check fetch-images: 5 pictures could not be fetched:',
      ...Object.entries(reasons).map(([name, reason]) => `  iaas/${name} (${url(name)}, linked from iaas/20240208.md): ${reason}`),
      '',
    ])
    // Nothing but the one good picture, no temporary file.
    expect(readdirSync(join(root, 'iaas')).sort()).toEqual(['20240208.md', 'ok.png'])
    // Each asked once: the redirect to the other host (the same server as `localhost`) was not followed.
    expect(requests).toEqual(['gone.png', 'away.png', 'big.png', 'chunked.png', 'login.png', 'ok.png'].map((name) => `/uploads/${name}`))
  })

  test('never overwrites a file, and does not ask the pad for a picture already present', async () => {
    const root = repository(['ok.png'], { 'ok.png': Buffer.from('our own copy') })
    requests.length = 0
    const { code, stdout } = await cli(['fetch-images'], root)
    expect({ code, stdout }).toEqual({ code: 0, stdout: `Every picture on ${host} has its copy (1 file read).\n` })
    expect(readFileSync(join(root, 'iaas/ok.png'), 'utf8')).toBe('our own copy')
    expect(requests).toEqual([])
  })

  test('saves into externalImages.folder, made when absent', async () => {
    const root = repository(['ok.png'], {}, '  folder: images\n')
    const { code, stdout } = await cli(['fetch-images'], root)
    expect(code).toBe(0)
    expect(stdout).toContain('git add -- iaas/images/ok.png')
    expect(readFileSync(join(root, 'iaas/images/ok.png'))).toEqual(PNG)
  })

  test('without hosts configured it fetches nothing and says what to configure', async () => {
    const root = repository(['ok.png'])
    writeFileSync(join(root, '.github/minutes.yml'), '{}\n')
    requests.length = 0
    const { code, stderr } = await cli(['fetch-images'], root)
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: 'minutes-check fetch-images: no hosts to fetch pictures from; name them in the configuration (externalImages: {hosts: [pad.example.org]}).\n',
    })
    expect(requests).toEqual([])
  })
})

/** Every source file `entry` imports, transitively (relative imports, as the layers test reads them). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), specifier ?? '').replace(/\.js$/, '.ts')
      if (target.endsWith('.ts')) visit(target)
    }
  }
  visit(entry)
  return seen
}

test('the action never fetches pictures: its code does not reach the downloader', () => {
  const files = [...reachable(join(PROJECT_ROOT, 'src/action/main.ts'))].map((file) => relative(PROJECT_ROOT, file))
  expect(files).toContain('src/rules/external-image-copied.ts')
  expect(files.filter((file) => file.startsWith('src/cli/'))).toEqual([])
})

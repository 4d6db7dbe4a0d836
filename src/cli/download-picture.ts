import { randomBytes } from 'node:crypto'
import { access, link, mkdir, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { isPictureOfType } from './picture-bytes.js'

/** What became of one picture: its size when saved, else why not. */
export type DownloadResult = { ok: true; bytes: number } | { ok: false; reason: string }

export interface DownloadOptions {
  /** A larger picture is refused (`externalImages.maxBytes`). */
  maxBytes: number
  /** Per picture, connection and body together. */
  timeoutMs?: number
}

/** Redirects followed on the same host before giving up. */
const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/**
 * Downloads a picture to `target` with Node's own `fetch`. Never overwrites a file; follows
 * a redirect only on the URL's own host; refuses a body over `maxBytes` or one that is not
 * the picture type `target`'s name says. The bytes go to a temporary file beside the target,
 * which is then linked to the target's name (failing if it exists) and removed: nothing
 * half-written is ever left under the target's name, nor the temporary file on failure.
 */
export async function downloadPicture(url: string, target: string, options: DownloadOptions): Promise<DownloadResult> {
  if (await exists(target)) return { ok: false, reason: EXISTS }
  const fetched = await fetchBody(url, options)
  if (!fetched.ok) return fetched
  if (!isPictureOfType(fetched.body, target)) return { ok: false, reason: `what arrived is not a ${extensionOf(target)} picture${fetched.type ? ` (${fetched.type})` : ''}` }
  await mkdir(dirname(target), { recursive: true })
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`)
  try {
    const handle = await open(temporary, 'wx')
    try {
      await handle.writeFile(fetched.body)
    } finally {
      await handle.close()
    }
    await placeAt(temporary, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, reason: EXISTS }
    return { ok: false, reason: `could not write it: ${(error as Error).message}` }
  } finally {
    await unlink(temporary).catch(() => undefined)
  }
  return { ok: true, bytes: fetched.body.length }
}

const EXISTS = 'the file exists; it is not overwritten'

/** Gives the finished file its name: `link` fails when the target exists, where `rename` would replace it. */
async function placeAt(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target)
  } catch (error) {
    // A filesystem without hard links: check, then rename (the file appears whole either way).
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
    if (await exists(target)) throw Object.assign(new Error(EXISTS), { code: 'EEXIST' })
    await rename(temporary, target)
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

type Fetched = { ok: true; body: Uint8Array; type: string | null } | { ok: false; reason: string }

async function fetchBody(url: string, options: DownloadOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000)
  const host = new URL(url).host
  let current = url
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, { redirect: 'manual', signal })
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel()
        const location = response.headers.get('location')
        if (!location) return { ok: false, reason: `HTTP ${response.status} without a Location` }
        const next = new URL(location, current)
        if (next.host !== host || (next.protocol !== 'https:' && next.protocol !== 'http:')) return { ok: false, reason: `redirected to another host (${next.host || next.protocol}); not followed` }
        if (redirects >= MAX_REDIRECTS) return { ok: false, reason: `more than ${MAX_REDIRECTS} redirects` }
        current = next.href
        continue
      }
      if (response.status !== 200) {
        await response.body?.cancel()
        return { ok: false, reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` }
      }
      const declared = Number(response.headers.get('content-length') ?? NaN)
      if (declared > options.maxBytes) {
        await response.body?.cancel()
        return { ok: false, reason: tooLarge(options.maxBytes) }
      }
      const body = await readCapped(response, options.maxBytes)
      return body === null ? { ok: false, reason: tooLarge(options.maxBytes) } : { ok: true, body, type: response.headers.get('content-type') }
    }
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : ((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message)
    return { ok: false, reason }
  }
}

/** The body, or null as soon as it grows past `maxBytes` (a length header may lie or be absent). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = []
  let size = 0
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > maxBytes) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

function tooLarge(maxBytes: number): string {
  return `larger than ${maxBytes} bytes (externalImages.maxBytes)`
}

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).toLowerCase()
}

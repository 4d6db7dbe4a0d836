import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answer, handlerFailure } from './pipeline.js'
import type { PipelineResult, SimInternals } from './pipeline.js'
import type { SimResponse } from './responses.js'

/** A listening loopback server. */
export interface RunningServer {
  url: string
  close(): Promise<void>
}

const RATE_LIMIT = 5000

/**
 * Serves the simulator on 127.0.0.1 at a random port. Every request is answered with
 * GitHub's standard headers and recorded; nothing a handler does can crash the process.
 * Sets `internals.baseUrl` once the port is known.
 */
export async function startServer(internals: SimInternals): Promise<RunningServer> {
  const rateLimitReset = Math.floor(Date.now() / 1000) + 3600
  let requestCount = 0

  const server: Server = createServer((req, res) => {
    requestCount++
    const requestId = requestIdFor(requestCount)
    readBody(req)
      .then((bodyText) => {
        const headers = flatHeaders(req)
        const method = req.method ?? 'GET'
        let result: PipelineResult
        try {
          result = answer(internals, { method, rawUrl: req.url ?? '/', headers, bodyText, requestId })
        } catch (error) {
          const path = (req.url ?? '/').split('?')[0] ?? '/'
          result = { response: handlerFailure(internals, method, path, error), path, query: {}, body: bodyText }
        }
        const rateHeaders = {
          'x-ratelimit-limit': String(RATE_LIMIT),
          'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - requestCount)),
          'x-ratelimit-reset': String(rateLimitReset),
          'x-ratelimit-used': String(requestCount),
          'x-ratelimit-resource': 'core',
        }
        const responseHeaders = send(res, result.response, { 'x-github-request-id': requestId, ...rateHeaders })
        internals.log.requests.push({
          method: method.toUpperCase(),
          path: result.path,
          query: result.query,
          body: result.body,
          status: result.response.status,
          headers,
          ...(result.operationId ? { operationId: result.operationId } : {}),
          ...(result.route ? { route: result.route } : {}),
          responseBody: result.response.body ?? result.response.text?.content,
          responseHeaders,
          ...(result.fault ? { fault: result.fault } : {}),
        })
      })
      .catch((error: unknown) => {
        // Only a broken socket gets here; record it and end the exchange.
        handlerFailure(internals, req.method ?? 'GET', req.url ?? '/', error)
        if (!res.headersSent) res.writeHead(500)
        res.end()
      })
  })
  server.on('clientError', (_error, socket) => socket.destroy())
  server.keepAliveTimeout = 1000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  internals.baseUrl = `http://127.0.0.1:${port}`

  return {
    url: internals.baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

function send(res: ServerResponse, response: SimResponse, standard: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {
    server: 'github.com',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    ...standard,
    ...response.headers,
  }
  let payload = ''
  if (response.text) {
    headers['content-type'] = response.text.contentType
    payload = response.text.content
  } else if (response.body !== undefined && response.status !== 204) {
    headers['content-type'] = 'application/json; charset=utf-8'
    payload = JSON.stringify(response.body)
  }
  headers['content-length'] = String(Buffer.byteLength(payload))
  res.writeHead(response.status, headers)
  res.end(payload)
  return headers
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** GitHub's request ids look like `C0DE:1A2B:3C4D5E:6F7A8B:65A1B2C3`. */
function requestIdFor(counter: number): string {
  const hex = counter.toString(16).toUpperCase().padStart(6, '0')
  return `5100:${hex}:${hex}${hex.slice(0, 2)}:${hex}:${Math.floor(Date.now() / 1000).toString(16).toUpperCase()}`
}

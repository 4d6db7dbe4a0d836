// Loaded into the action's process with `--import` by bench/action-timing.ts: timestamps of
// its phases, in ms since the process started (performance.timeOrigin), written as JSON to
// the file named by MINUTES_BENCH_PROBE when the process exits. Nothing here changes what
// the action does; it only listens (diagnostics channels, the event file being read).
import { subscribe } from 'node:diagnostics_channel'
import fs, { writeFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

const now = () => performance.now()
const marks = { probeLoaded: now(), requests: [] }
const byRequest = new Map()

// The action's first own step is reading the event payload: the bundle is evaluated by then.
const eventPath = process.env.GITHUB_EVENT_PATH
const readFileSync = fs.readFileSync
fs.readFileSync = function (path, ...rest) {
  if (marks.eventRead === undefined && String(path) === eventPath) marks.eventRead = now()
  return readFileSync.call(this, path, ...rest)
}
syncBuiltinESMExports()

// fetch (Node's own undici, or a bundled one) publishes these: connection and request times.
subscribe('undici:request:create', ({ request }) => {
  const entry = { method: request.method, path: request.path.split('?')[0], created: now() }
  byRequest.set(request, entry)
  marks.requests.push(entry)
})
subscribe('undici:client:beforeConnect', () => (marks.connects ??= []).push({ start: now() }))
subscribe('undici:client:connected', () => {
  const last = marks.connects?.at(-1)
  if (last) last.end = now()
})
subscribe('undici:client:sendHeaders', ({ request }) => {
  const entry = byRequest.get(request)
  if (entry) entry.sent = now()
})
subscribe('undici:request:headers', ({ request }) => {
  const entry = byRequest.get(request)
  if (entry) entry.headers = now()
})
subscribe('undici:request:trailers', ({ request }) => {
  const entry = byRequest.get(request)
  if (entry) entry.done = now()
})

process.on('exit', () => {
  marks.exit = now()
  const timing = performance.nodeTiming
  marks.node = { v8Start: timing.v8Start, environment: timing.environment, bootstrapComplete: timing.bootstrapComplete }
  if (process.env.MINUTES_BENCH_PROBE) writeFileSync(process.env.MINUTES_BENCH_PROBE, JSON.stringify(marks))
})

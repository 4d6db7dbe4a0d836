// Loaded into the action's process with `--import` by bench/action-timing.ts: timestamps of
// its phases, in ms since the process started (performance.timeOrigin), written as JSON to
// the file named by MINUTES_BENCH_PROBE when the process exits. Nothing here changes what
// the action does; it only listens (diagnostics channels, the first read of its settings).
import { subscribe } from 'node:diagnostics_channel'
import { writeFileSync } from 'node:fs'

const now = () => performance.now()
const marks = { probeLoaded: now(), requests: [] }
const byRequest = new Map()

// The action's first own step is reading its settings (GITHUB_REPOSITORY first): the bundle
// is evaluated by then. A proxy on process.env sees it without loading anything more.
const env = process.env
process.env = new Proxy(env, {
  get(target, name) {
    if (name === 'GITHUB_REPOSITORY' && marks.settingsRead === undefined) marks.settingsRead = now()
    return Reflect.get(target, name)
  },
})

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
  const usage = process.resourceUsage()
  marks.cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000
  const timing = performance.nodeTiming
  marks.node = { v8Start: timing.v8Start, environment: timing.environment, bootstrapComplete: timing.bootstrapComplete }
  if (process.env.MINUTES_BENCH_PROBE) writeFileSync(process.env.MINUTES_BENCH_PROBE, JSON.stringify(marks))
})

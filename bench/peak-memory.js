// Preloaded with `node --import ./bench/peak-memory.js`: prints the process's peak resident
// memory (all threads, so the check workers too) to stderr when the main thread exits.
import { isMainThread } from 'node:worker_threads'

if (isMainThread) process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`))

// `npm run render:comment`: screenshots the demo's summary comments as GitHub renders them
// (demo/render-comment.ts, bundled on the fly to build/, never to dist/) into docs/comment.png.
// Needs headless Chromium: Debian/Ubuntu `sudo apt-get install -y chromium`, or CHROMIUM=/path.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.log(`render:comment skipped: no Chromium at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM=/path/to/chromium.`)
} else if (!existsSync('dist/index.js')) {
  console.log('render:comment skipped: dist/index.js is missing; run `npm run build` first.')
  process.exitCode = 1
} else {
  const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js'
  execFileSync(process.execPath, [ncc, 'build', 'demo/render-comment.ts', '-o', 'build/render-comment', '--quiet', '--no-source-map-register'], { stdio: 'inherit' })
  const result = spawnSync(process.execPath, ['build/render-comment/index.js', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CHROMIUM: chromium } })
  process.exitCode = result.status ?? 1
}

// Writes a synthetic minutes repository for benchmarks: weekly calls and team minutes in
// the real layout, deterministic (seeded), hundreds of files and a few MB.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const TEAMS = ['iaas', 'container', 'ops', 'iam', 'sig-docs', 'sig-standards']
const HEADINGS = { iaas: 'Team IaaS', container: 'Team Container', ops: 'Team Ops', iam: 'Team IAM', 'sig-docs': 'SIG Docs', 'sig-standards': 'SIG Standards' }
const WORDS = 'cluster upgrade ceph storage network release sprint review standard flavor image registry keystone federation monitoring alerting backup restore documentation benchmark latency throughput rollout staging production'.split(' ')
const HANDLES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']

function random(seed) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

const iso = (date) => date.toISOString().slice(0, 10)
const compact = (date) => iso(date).replaceAll('-', '')
const addDays = (date, days) => new Date(date.getTime() + days * 86_400_000)

/** Generates the corpus into `root` and returns the number of files and bytes. */
export function generateCorpus(root, { weeks = 80, seed = 42, configured = true } = {}) {
  const next = random(seed)
  const pick = (list) => list[Math.floor(next() * list.length)]
  const sentence = (length) => Array.from({ length }, () => pick(WORDS)).join(' ')
  rmSync(root, { recursive: true, force: true })
  let files = 0
  let bytes = 0
  const write = (path, text) => {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
    files++
    bytes += Buffer.byteLength(text)
  }
  const start = new Date(Date.UTC(2024, 0, 4))
  for (let week = 0; week < weeks; week++) {
    const call = addDays(start, week * 7)
    const lines = [`# Tech Weekly ${iso(call)}`, '', '## Meta', '', `- Minutes: @${pick(HANDLES)}`, '', '## Team updates', '']
    for (const team of TEAMS) {
      const teamDate = addDays(call, -1)
      const teamLines = [`# ${iso(teamDate)}`, '', '## Participants', '', ...HANDLES.map((h) => `- @${h}`), '', '## Agenda', '']
      for (let topic = 0; topic < 12; topic++) {
        teamLines.push(`### ${sentence(3)}`, '', `- ${sentence(14)}`, `  - ${sentence(10)} https://github.com/acme/${pick(WORDS)}/issues/${Math.floor(next() * 900)}`)
        if (next() < 0.3) teamLines.push(`- AI @${pick(HANDLES)}: ${sentence(8)}`)
        teamLines.push(`- [${pick(WORDS)}](https://example.com/${pick(WORDS)}) ${sentence(12)}`, '')
      }
      write(`${team}/${compact(teamDate)}.md`, `${teamLines.join('\n')}\n`)
      const missing = next() < 0.1
      const linked = missing ? `${team}/${compact(addDays(teamDate, -1))}.md` : `${team}/${compact(teamDate)}.md`
      lines.push(`### ${HEADINGS[team]}`, '')
      lines.push(next() < 0.15 ? 'Minutes: None yet' : `Minutes: https://github.com/acme/minutes/blob/main/${linked}`, '')
      for (let item = 0; item < 6; item++) lines.push(`- ${sentence(16)}`)
      if (next() < 0.5) lines.push(`- _AI @${pick(HANDLES)}_: ${sentence(9)}`)
      lines.push('')
    }
    lines.push('## AOB', '', `- ${sentence(20)}`, '')
    write(`community-call/${compact(call)}.md`, `${lines.join('\n')}\n`)
  }
  // Without it, a first run: the repository is inferred from the github.com links (issue 22).
  if (configured) write('.github/minutes.yml', 'repository: acme/minutes\n')
  return { files, bytes }
}

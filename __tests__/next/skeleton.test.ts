import { describe, expect, test } from '@jest/globals'
import { DEFAULT_CONFIG } from '../../src/config/defaults.js'
import { headingForm } from '../../src/next/heading-form.js'
import { pastMeeting } from '../../src/next/series-history.js'
import { sharedHeadings } from '../../src/next/skeleton.js'
import type { PastMeeting } from '../../src/next/types.js'
import { compileDatePatterns } from '../../src/repo/date-patterns.js'
import { indexRepository } from '../../src/repo/repo-index.js'

describe('headingForm: the same heading to a reader', () => {
  test.each([
    ['Participants - use of github handle is preferred', 'Participants  use of github handle is preferred'],
    ['Status Page', 'StatusPage'],
    ['Sprint Review & Planning', 'Sprint Review/Planning'],
    ['🗓️ Agenda:', 'agenda'],
  ])('%s = %s', (one, other) => {
    expect(headingForm(one)).toBe(headingForm(other))
  })

  test.each([
    ['Release 7', 'Release 8'],
    ['Notes 2026-01-05', 'Notes 2026-01-12'],
    ['Status Page', 'Status Page Application'],
  ])('%s ≠ %s', (one, other) => {
    expect(headingForm(one)).not.toBe(headingForm(other))
  })

  test('a heading of symbols only keeps its plain key', () => {
    expect(headingForm('🚀 —')).toBe('🚀 —')
  })
})

/** Meetings of one weekly series from their bodies (the title added). */
function series(bodies: readonly string[]): PastMeeting[] {
  const paths = bodies.map((_, index) => `ops/202601${String(index + 1).padStart(2, '0')}.md`)
  const index = indexRepository(paths, compileDatePatterns(DEFAULT_CONFIG.datePatterns))
  return (index.datedFiles.get('ops') ?? []).flatMap((file, at) => pastMeeting(file, `# ${file.date}\n\n${bodies[at]}\n`, DEFAULT_CONFIG, index) ?? [])
}

const sources = (meetings: readonly PastMeeting[]) => sharedHeadings(meetings).map((heading) => heading.source)

describe('sharedHeadings', () => {
  test('headings of one form are counted together, written as the latest meeting writes them', () => {
    const old = '## Participants - use of github handle\n\n## Agenda'
    const renamed = '## Participants  use of github handle\n\n## Agenda'
    // Three and three of six: neither writing alone is in more than half.
    expect(sources(series([old, old, old, renamed, renamed, renamed]))).toEqual(['## Participants  use of github handle', '## Agenda'])
  })

  test('a heading in each of the last three meetings is kept (the series changed its form); in the last two only, not', () => {
    const before = '## Who reports next week\n\n## Agenda'
    const after = '## Orga\n\n## Agenda'
    expect(sources(series([before, before, before, before, before, after, after, after]))).toEqual(['## Who reports next week', '## Orga', '## Agenda'])
    expect(sources(series([before, before, before, before, before, before, after, after]))).toEqual(['## Who reports next week', '## Agenda'])
  })

  test('a topic of one meeting is not kept', () => {
    expect(sources(series(['## Agenda\n\n### Etcd alerts', '## Agenda\n\n### Loki', '## Agenda\n\n### Zuul']))).toEqual(['## Agenda'])
  })
})

import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { extractActionItems, type ActionItem } from '../../src/action-items/index.js'
import { peopleOfTexts } from '../../src/action-items/people.js'
import { checkRepository } from '../../src/check/check-repository.js'
import type { RepoReader } from '../../src/read/repo-reader.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { itemTitle, standsAlone } from '../../src/plan/issue-text.js'
import { seriesOf } from '../../src/plan/occurrences.js'
import { PROJECT_ROOT, REAL_MINUTES_SAMPLE, describeWithFixture } from '../../test-support/real-minutes.js'

/**
 * Issue 20, "no false alarm on first contact": the classes of writing that cost recall,
 * precision, owners or titles on files we had not seen. Each on minutes of our own (a title,
 * a participant list, then `body` from line 8 on), with the writing next to it that must stay
 * what it is; then where the class occurs in the real sample, by path and line.
 */
function minutes(body: string): string {
  return `# Ops 2026-11-04\n\n## Participants\n\n- Anna Schmidt (@aschmidt)\n- Ben Olsen (@bolsen)\n\n${body}\n`
}

type Seen = Pick<ActionItem, 'line' | 'owners' | 'text' | 'done'>

function extract(body: string, people?: Record<string, string>): Seen[] {
  return extractActionItems(parseMarkdown(minutes(body)), undefined, people).map(({ line, owners, text, done }) => ({ line, owners, text, done }))
}

function item(line: number, owners: string[], text: string, done = false): Seen {
  return { line, owners, text, done }
}

describe('placeholders are not items', () => {
  test.each(['(none)', 'none', 'None.', '*None*', '(none yet)', 'n/a', 'N/A', '-', '—', '–', 'nothing', 'TBD', '[none]', 'No action items'])('`- %s` under a label is no item', (placeholder) => {
    expect(extract(`## Action items\n\n- ${placeholder}`)).toEqual([])
    expect(extract(`Open actions:\n\n- ${placeholder}`)).toEqual([])
  })

  test('an empty label list is an empty list; a placeholder with a task after it is a task', () => {
    expect(extract('## Action items\n\n-\n-')).toEqual([])
    expect(extract('## Action items\n\n- (none) yet, write the docs')).toEqual([item(10, [], '(none) yet, write the docs')])
  })
})

describe('owners written as names, or below the item', () => {
  test('`- Anna: write the runbook` in an action-items list; names in capitals; a first name alone', () => {
    expect(extract('## Action items\n\n- Anna: write the runbook\n- ANNA SCHMIDT to review the alerts\n- Carla: order the disks')).toEqual([
      item(10, ['aschmidt'], 'write the runbook'),
      item(11, ['aschmidt'], 'review the alerts'),
      item(12, [], 'Carla: order the disks'),
    ])
  })

  test('`AI: Anna pings Ben`, `AI Anna: create the PR`, `AI Ben and Anna: book the room`', () => {
    expect(extract('- AI: Anna pings Ben\n- AI Anna: create the PR\n- AI Ben and Anna: book the room')).toEqual([
      item(8, ['aschmidt'], 'pings Ben'),
      item(9, ['aschmidt'], 'create the PR'),
      item(10, ['bolsen', 'aschmidt'], 'book the room'),
    ])
  })

  test('an owner on a nested line: `(@bolsen)`, `owner: @bolsen`, a known name alone; a sub-bullet saying more is a note', () => {
    const body = '## Action items\n\n- write the quota doc\n  - (@bolsen)\n- fix the mirror\n  - Owner: Anna\n- order the disks\n  - Ben\n- plan the workshop\n  - @bolsen has the budget'
    expect(extract(body)).toEqual([item(10, ['bolsen'], 'write the quota doc'), item(12, ['aschmidt'], 'fix the mirror'), item(14, ['bolsen'], 'order the disks'), item(16, [], 'plan the workshop')])
  })

  test('`actionItems.people` maps names the file does not pair with handles, ignoring case', () => {
    expect(extract('- AI Dave: book the room\n- AI: DAVE to call the vendor', { Dave: 'dlee' })).toEqual([item(8, ['dlee'], 'book the room'), item(9, ['dlee'], 'call the vendor')])
  })

  test('a known name in lower case is the owner: `AI: dave to call`, `AI dave: …`, `- dave: …`, `- anna and ben: …`, a handle without `@`', () => {
    const body = '- AI: dave to call the vendor\n- AI dave: book the room\n- AI: anna will order the disks\n\n## Action items\n\n- dave: write the runbook\n- anna and ben: plan the review\n- bolsen to rotate the keys'
    expect(extract(body, { Dave: 'dlee' })).toEqual([
      item(8, ['dlee'], 'call the vendor'),
      item(9, ['dlee'], 'book the room'),
      item(10, ['aschmidt'], 'order the disks'),
      item(14, ['dlee'], 'write the runbook'),
      item(15, ['aschmidt', 'bolsen'], 'plan the review'),
      item(16, ['bolsen'], 'rotate the keys'),
    ])
  })

  test('an ordinary word in lower case stays a word; so does a known name not followed by a colon or `to`/`will`', () => {
    const body = '- AI: we to discuss the budget\n- AI: check the logs\n- AI tools: we should not rely on them\n- AI: mark the old images deprecated\n- AI: carla to call the vendor\n\n## Action items\n\n- check: the alert routes\n- mark the release as stable'
    expect(extract(body, { Mark: 'mweber' })).toEqual([
      item(8, [], 'we to discuss the budget'),
      item(9, [], 'check the logs'),
      item(11, [], 'mark the old images deprecated'),
      item(12, [], 'carla to call the vendor'),
      item(16, [], 'check: the alert routes'),
      item(17, [], 'mark the release as stable'),
    ])
  })

  test('people named inside the text are not owners when an owner is named for it', () => {
    expect(extract('## Action items\n\n- plan the workshop, input from @bolsen, @carla (@aschmidt)\n- AI Anna: collect input from @bolsen')).toEqual([
      item(10, ['aschmidt'], 'plan the workshop, input from @bolsen, @carla'),
      item(11, ['aschmidt'], 'collect input from @bolsen'),
    ])
  })
})

describe('names the other files of a run pair with handles', () => {
  test('peopleOfTexts: full names and unique first names, either order, any case; a name with two handles is nobody', () => {
    const texts = ['- Dave Lee (@dlee)\n- @mkim (Mia Kim)', '- Dave Lee (@dlee)\n- Mia Berg (@mberg)', 'Eve Stone (@estone) and Eve Stone (@eve-s)']
    expect(peopleOfTexts(texts)).toEqual({ 'dave lee': 'dlee', dave: 'dlee', 'mia kim': 'mkim', 'mia berg': 'mberg' })
  })

  test('a run resolves `AI Dave: …` in one meeting kind by `Dave Lee (@dlee)` written in another; the configuration wins', async () => {
    const files: Record<string, string> = {
      'board/20261104.md': '# Board 2026-11-04\n\n## Participants\n\n- Dave Lee (@dlee)\n- Mia Kim (@mkim)\n',
      'ops/20261105.md': '# Ops 2026-11-05\n\n## Participants\n\n- Dave\n- Mia\n\n## Notes\n\n- AI Dave: book the room\n- AI Mia: order the disks\n',
    }
    const owners = async (repository: Record<string, string>): Promise<string[][]> => {
      const reader: RepoReader = {
        listFiles: async () => Object.keys(repository),
        readFile: async (path) => (path in repository ? new TextEncoder().encode(repository[path]) : null),
        repositoryHint: async () => null,
      }
      const { report } = await checkRepository(reader, {})
      return report.files.flatMap((file) => file.actionItems.map((found) => found.owners))
    }
    expect(await owners(files)).toEqual([['dlee'], ['mkim']])
    expect(await owners({ ...files, '.github/minutes.yml': 'actionItems:\n  people:\n    MIA: mia-k\n' })).toEqual([['dlee'], ['mia-k']])
  })
})

describe('more ways to label a list', () => {
  test('`Homework:` and `Follow-ups:` label their list', () => {
    expect(extract('Homework:\n\n- read the ADR\n\nFollow-ups:\n\n- check the alert routes')).toEqual([item(10, [], 'read the ADR'), item(14, [], 'check the alert routes')])
  })

  test('`- Next steps` and `R6 priorities and actions:` label a list of which at least half the items name someone', () => {
    const body = 'Notes:\n\n- Next steps\n  - @bolsen to fix the mirror\n  - call the vendor\n\nR6 priorities and actions:\n\n- Anna: write the runbook\n- @bolsen will test it\n- storage'
    expect(extract(body)).toEqual([
      item(11, ['bolsen'], 'fix the mirror'),
      item(12, [], 'call the vendor'),
      item(16, ['aschmidt'], 'write the runbook'),
      item(17, ['bolsen'], 'test it'),
      item(18, [], 'storage'),
    ])
  })

  test('a "Next steps" list of plans nobody took on is not a list of items, as a heading, a line or a list item; nor is a longer line ending in "actions:"', () => {
    const body = '## Next steps\n\n- define cluster classes\n- create the OpenStack integration (@bolsen asked)\n- compute\n\n## Storage\n\nNext steps:\n\n- benchmark the disks\n\n- Next steps\n  - order the disks\n\nVM behaviour in case of host actions:\n\n- live migration\n- restart'
    expect(extract(body)).toEqual([])
  })

  test('`Tasks:`, `Actions:`, `- Tasks`, `## Actions`, `### Tasks` alone on their line label every item of their list, owners where named', () => {
    const body = 'Tasks:\n\n- order the disks\n- Ben: call the vendor\n\n**Actions:**\n\n- renew the certificate\n\nNotes:\n\n- Tasks\n  - rotate the keys\n\n## Actions\n\n- write the runbook\n\nAnd after a paragraph:\n\n- test the failover\n\n### Tasks\n\n- plan the review'
    expect(extract(body)).toEqual([
      item(10, [], 'order the disks'),
      item(11, ['bolsen'], 'call the vendor'),
      item(15, [], 'renew the certificate'),
      item(20, [], 'rotate the keys'),
      item(24, [], 'write the runbook'),
      item(28, [], 'test the failover'),
      item(32, [], 'plan the review'),
    ])
  })

  test('a line label heading is left out of the items\' context, as a label heading is; `Tasks` inside a longer line or heading labels nothing', () => {
    const found = extractActionItems(parseMarkdown(minutes('## Storage\n\n### Tasks\n\n- order the disks')))
    expect(found.map(({ context }) => context.headings)).toEqual([['Ops 2026-11-04', 'Storage']])
    expect(extract('### Tasks of the storage team\n\n- benchmark\n- migrate\n\nOpen questions on tasks:\n\n- who pays')).toEqual([])
  })

  test('a table whose header names a task and an owner column: one item per row, owners by handle or known name, done from a status column', () => {
    const body = '| Action | Owner | Status |\n|---|---|---|\n| write the runbook | Anna | open |\n| fix the mirror | @bolsen | done |\n| order **disks** | Ben, Anna | ✅ |\n| (none) | | |\n\n| Who | What |\n|---|---|\n| anna schmidt | call the vendor |'
    expect(extract(body)).toEqual([
      item(10, ['aschmidt'], 'write the runbook'),
      item(11, ['bolsen'], 'fix the mirror', true),
      item(12, ['bolsen', 'aschmidt'], 'order disks', true),
      item(17, ['aschmidt'], 'call the vendor'),
    ])
  })

  test('a table of roles (owner cells name nobody known) or without an owner column is not a list of items', () => {
    const body = '| Action | Owner |\n|---|---|\n| set up the cluster | CSP |\n| order a cluster | Customer |\n\n| Topic | Action items |\n|---|---|\n| storage | @bolsen |'
    expect(extract(body)).toEqual([])
  })
})

describe('positions', () => {
  test('an item whose line holds an autolink literal (no position in the tree) is on its line, not line 0', () => {
    expect(extract('TODO:\n[https://example.com/x')).toEqual([item(9, [], '[https://example.com/x')])
  })
})

describe('context that says nothing', () => {
  const titles = (markdown: string, path = 'ops/20261104.md'): string[] =>
    extractActionItems(parseMarkdown(markdown)).map((found) => itemTitle({ item: found, path, date: '2026-11-04', series: seriesOf(path) }))

  test('a short item under Agenda, Housekeeping or a decision takes the nearest context that says something, or stands as written', () => {
    expect(titles('# Ops meeting 2026-11-04\n\n## Agenda\n\n- AI @anna: enhance tests\n\n## Storage quotas\n\n### Housekeeping\n\n- AI @anna: enhance tests\n- Decision:\n  - AI @ben: cancel')).toEqual([
      'Enhance tests',
      'Enhance tests: Storage quotas',
      'Cancel: Storage quotas',
    ])
  })

  test('the meeting\'s own title is no context, nor a date heading; a topic is', () => {
    expect(titles('# SIG Monitoring\n\n## 2026-11-04\n\n- AI @anna: enhance tests\n\n## Dashboards\n\n- AI @anna: enhance tests', 'sig-monitoring/20261104.md')).toEqual(['Enhance tests', 'Enhance tests: Dashboards'])
  })

  test('an owner-only marker closing a top-level list takes its section\'s heading, not a generic one', () => {
    expect(extract('### Upgrading the docs site\n\n- breaking changes only in mdx\n- AI: @aschmidt\n\n### Agenda\n\n- AI: @bolsen')).toEqual([item(11, ['aschmidt'], 'Upgrading the docs site')])
  })
})

const SERIES = resolve(PROJECT_ROOT, '../shared/fixtures/scs-series')

function real(folder: string, path: string): Seen[] {
  return extractActionItems(parseMarkdown(readFileSync(join(folder, path), 'utf8'))).map(({ line, owners, text, done }) => ({ line, owners, text, done }))
}

describeWithFixture(REAL_MINUTES_SAMPLE, 'the real sample')('issue 20 classes in the real sample', () => {
  test('openops/20221202.md:17: `#### Next steps` over a list that mostly names people is a list of items', () => {
    expect(real(REAL_MINUTES_SAMPLE, 'openops/20221202.md').map(({ line, owners }) => [line, owners])).toEqual([
      [18, ['itrich']],
      [19, ['fkr']],
      [20, ['itrich']],
      [21, ['fkr']],
      [22, []],
      [24, []],
    ])
  })

  test('product-board/20230724.md:42 and container/20230921.md:45: "Next steps" lists of plans nobody took on are no items', () => {
    expect(real(REAL_MINUTES_SAMPLE, 'product-board/20230724.md').filter((found) => found.line >= 42 && found.line <= 52)).toEqual([])
    expect(real(REAL_MINUTES_SAMPLE, 'container/20230921.md').filter((found) => found.line >= 45 && found.line <= 48)).toEqual([])
  })

  test('container/20240222.md:61: a table `| Action | Responsible Entity | … |` of roles is no list of items', () => {
    expect(real(REAL_MINUTES_SAMPLE, 'container/20240222.md').filter((found) => found.line >= 61 && found.line <= 72)).toEqual([])
  })

  test('iaas/20240522.md:51 and iaas/20231206.md:116: the word before a marker is kept after the text (`community`), or goes when it describes the item (`current`)', () => {
    expect(real(REAL_MINUTES_SAMPLE, 'iaas/20240522.md').find((found) => found.line === 51)?.text).toBe('please try the test script against your cloud (community)')
    expect(real(REAL_MINUTES_SAMPLE, 'iaas/20231206.md').find((found) => found.line === 116)).toEqual(item(116, ['markus-hentsch'], 'writing an Identity Spec'))
  })

  test('ops/20230629.md:42: an item opening with an issue URL keeps the URL as written and quotes its heading (a link and a word say nothing)', () => {
    const found = extractActionItems(parseMarkdown(readFileSync(join(REAL_MINUTES_SAMPLE, 'ops/20230629.md'), 'utf8'))).find((candidate) => candidate.line === 42)
    expect(found && [standsAlone(found.text), itemTitle({ item: found, path: 'ops/20230629.md', date: '2023-06-29', series: 'ops' })]).toEqual([false, 'https://github.com/SovereignCloudStack/issues/issues/355 - refinement: Refstack'])
  })

  test('container/20220919.md:59-60 under "Agenda": three words that name things stand alone; the title is the item, not "…: Agenda"', () => {
    const items = extractActionItems(parseMarkdown(readFileSync(join(REAL_MINUTES_SAMPLE, 'container/20220919.md'), 'utf8'))).filter((found) => found.line === 59 || found.line === 60)
    expect(items.map((found) => [standsAlone(found.text), itemTitle({ item: found, path: 'container/20220919.md', date: '2022-09-19', series: 'container' })])).toEqual([
      [true, 'LICENSE file cleanup'],
      [true, 'Write upgrading guide'],
    ])
  })

  test('sig-standardization/20240125.md:23 under "Housekeeping": no "…: Housekeeping" in the title', () => {
    const found = extractActionItems(parseMarkdown(readFileSync(join(REAL_MINUTES_SAMPLE, 'sig-standardization/20240125.md'), 'utf8'))).find((candidate) => candidate.line === 23)
    expect(found && itemTitle({ item: found, path: 'sig-standardization/20240125.md', date: '2024-01-25', series: 'sig-standardization' })).toBe('Write an issue and assign it to @cah-patrickthiem')
  })
})

describeWithFixture(SERIES, 'the real series')('issue 20 classes in the real series', () => {
  test('sig-documentation/20240129.md:27: `* AI: @maxwolfs` closing the list under "### Upgrading Docusaurus from V2 to V3"', () => {
    expect(real(SERIES, 'sig-documentation/20240129.md')).toEqual([item(27, ['maxwolfs'], 'Upgrading Docusaurus from V2 to V3')])
  })

  test('ops-iam/20221215.md:27: "### CloudMon next steps" over a list of which one item of three names someone is no list of items', () => {
    expect(real(SERIES, 'ops-iam/20221215.md')).toEqual([])
  })
})

import { describe, expect, test } from '@jest/globals'
import { extractActionItems, type ActionItem } from '../../src/action-items/index.js'
import { ConfigError, loadConfig } from '../../src/config/load-config.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { checkInMemory } from '../../test-support/check-in-memory.js'

/**
 * The classes of writing learnt from the labelled sample (see docs/action-items.md), each on
 * minutes of our own: a title, an agenda heading, then `body` from line 5 on.
 */
function minutes(body: string): string {
  return `# 2026-11-04\n\n## Agenda\n\n${body}\n`
}

type Seen = Pick<ActionItem, 'line' | 'owners' | 'text' | 'done'>

function extract(body: string, people?: Record<string, string>): Seen[] {
  return extractActionItems(parseMarkdown(minutes(body)), undefined, people).map(({ line, owners, text, done }) => ({ line, owners, text, done }))
}

function item(line: number, owners: string[], text: string, done = false): Seen {
  return { line, owners, text, done }
}

describe('several items in one line or paragraph', () => {
  test('`AI @a: x, AI @b: y`: two items on one line, each with its owner', () => {
    expect(extract('- AI @anna: ask vendor A, AI @ben: ask vendor B')).toEqual([item(5, ['anna'], 'ask vendor A'), item(5, ['ben'], 'ask vendor B')])
  })

  test('a marker with text of its own in parentheses after another item', () => {
    expect(extract('- TODO: rethink the backup plan (AI Kurt: write the epic)')).toEqual([item(5, [], 'rethink the backup plan'), item(5, [], 'write the epic (Kurt)')])
  })

  test('an item after a sentence: the note before it is context, not a second item', () => {
    expect(extract('- Merged as draft. AI @anna: call for review before it is stable.')).toEqual([item(5, ['anna'], 'Merged as draft. call for review before it is stable.')])
  })
})

describe('markers after an arrow or on a later line', () => {
  test('`-> AI: text` on the line under a note starts at that line', () => {
    expect(extract('- Quota for the lab\n  -> AI: Sam will ask for quota')).toEqual([item(6, [], 'Sam will ask for quota')])
  })

  test('`=> TODO: text` after a line of notes', () => {
    expect(extract('=> Yes, we want a broker\n=> TODO: research brokering')).toEqual([item(6, [], 'research brokering')])
  })

  test('`-> AI discuss`: a bare AI in capitals right after an arrow', () => {
    expect(extract('- No test coverage yet -> AI discuss, maybe add to scope')).toEqual([item(5, [], 'No test coverage yet -> discuss, maybe add to scope')])
  })

  test('`-> Note (AI @anna)`: the arrow line is the item, not the line above it', () => {
    expect(extract('- Board cleaning\n  -> prepare on Tuesday (AI @anna)')).toEqual([item(6, ['anna'], 'prepare on Tuesday')])
  })

  test('an arrow line that only continues prose is no item', () => {
    expect(extract('- Upgrade went fine\n  -> no problems seen')).toEqual([])
  })
})

describe('items in parentheses at the end of a line', () => {
  test('`text (AI @anna)`: the line is the text', () => {
    expect(extract('- Deployment performance investigation (AI @anna)')).toEqual([item(5, ['anna'], 'Deployment performance investigation')])
  })

  test('`(AI research @anna)`: words, then owners closing the group', () => {
    expect(extract('- Do we need rate limits? (AI research @anna)')).toEqual([item(5, ['anna'], 'Do we need rate limits? (research)')])
  })
})

describe('owners', () => {
  test('after the text: `=> @anna`, `- @ben will do this`, `(@carol to ask @dan)`, `@anna, @ben` closing the line', () => {
    const body = ['TODOs:', '', '- Propose the new flavour => @anna', '- Write the crash test => @ben to open the issue', '- Ask the vendor (@carol to talk to @dan)', '- Board cleanup @anna, @ben'].join('\n')
    expect(extract(body)).toEqual([
      item(7, ['anna'], 'Propose the new flavour'),
      item(8, ['ben'], 'Write the crash test open the issue'),
      item(9, ['carol'], 'Ask the vendor (talk to @dan)'),
      item(10, ['anna', 'ben'], 'Board cleanup'),
    ])
  })

  test('`AI: text - @reqa will do this`: owners after a dash', () => {
    expect(extract('- AI: come up with a story - @reqa will do this')).toEqual([item(5, ['reqa'], 'come up with a story do this')])
  })

  test('a handle after `ask` or `with` is whom the task involves, not its owner', () => {
    expect(extract('- TODO: align the plan with @anna\n- TODO: ask @ben')).toEqual([item(5, [], 'align the plan with @anna'), item(6, [], 'ask @ben')])
  })

  test('more owners after the first: `AI @a (@b)`, `AI @a -> @b, @c: text`', () => {
    expect(extract('- AI @anna (@ben) to set this up\n- AI @anna -> @carol, @dan: sort the services')).toEqual([
      item(5, ['anna', 'ben'], 'set this up'),
      item(6, ['anna', 'carol', 'dan'], 'sort the services'),
    ])
  })

  test('handles match without regard to case: `@depressiveRobot` is `depressiverobot`', () => {
    expect(extract('- AI @depressiveRobot: paint it black')).toEqual([item(5, ['depressiverobot'], 'paint it black')])
  })

  test('names resolve through the participant list: `- @vp04`, `- Sam Kim (@sam-k)`', () => {
    const body = ['## Participants', '', '- @vp04', '- Sam Kim (@sam-k)', '', '## Notes', '', '- AI VP04: check tunnel encryption', '- AI: Sam pings Olga', '- AI Sam and VP04: write the report']
    expect(extract(body.join('\n'))).toEqual([item(12, ['vp04'], 'check tunnel encryption'), item(13, ['sam-k'], 'pings Olga'), item(14, ['sam-k', 'vp04'], 'write the report')])
  })

  test('a name nobody resolves stays in the text, unassigned', () => {
    expect(extract('- AI Lee: open a PR')).toEqual([item(5, [], 'open a PR (Lee)')])
  })

  test('configured people map names to logins, ignoring case', () => {
    expect(extract('- AI Lee: open a PR\n- AI: lee reviews it', { LEE: 'lee-gh' })).toEqual([item(5, ['lee-gh'], 'open a PR'), item(6, [], 'lee reviews it')])
  })

  test('a name-like word after a marker that is not ambiguous must resolve to count as an owner', () => {
    expect(extract('- TODO Docs: update the index')).toEqual([item(5, [], 'Docs: update the index')])
  })
})

describe('labels', () => {
  test('a short line naming a label anywhere: `Check AIs from last time`, `R4 to-dos`', () => {
    const body = '### Check AIs from last time\n\n- @anna: send the mail\n\n### Release\n\n- R4 to-dos\n  - Repair the registry\n  - Renew certificates'
    expect(extract(body)).toEqual([item(7, ['anna'], 'send the mail'), item(12, [], 'Repair the registry'), item(13, [], 'Renew certificates')])
  })

  test('a long sentence that mentions action items labels nothing', () => {
    expect(extract('- From there it is easier to turn some of the action items into stories\n  - first story')).toEqual([])
  })

  test('a list item that is only a label labels the items after it in the same list', () => {
    expect(extract('- Status is fine\n- TODOs:\n- write the guide\n- clean up the licence')).toEqual([item(7, [], 'write the guide'), item(8, [], 'clean up the licence')])
  })

  test('a label line closing a note is read apart from it, and labels the list after', () => {
    const body = '- Policies\n  - policy files are slow\n  TODO:\n  - ask the upstream team (@anna)\n  - compare other clouds'
    expect(extract(body)).toEqual([item(8, ['anna'], 'ask the upstream team'), item(9, [], 'compare other clouds')])
  })

  test('under `## Action items`, lines opening with an arrow are items', () => {
    const body = '## Action items\n\n=> @anna will rework the docs\n=> @ben will fix the toolchain\n\nSome closing remark.'
    expect(extract(body)).toEqual([item(7, ['anna'], 'rework the docs'), item(8, ['ben'], 'fix the toolchain')])
  })

  test('`… and actions:` labels a list whose items mostly name owners', () => {
    const body = '- Priorities and actions:\n  - create the test bed (@anna)\n  - move the cluster (@ben)\n  - integration (all)'
    expect(extract(body)).toEqual([item(6, ['anna'], 'create the test bed'), item(7, ['ben'], 'move the cluster'), item(8, [], 'integration (all)')])
  })

  test('`… actions:` over a list without owners is a word, not a label', () => {
    expect(extract('- VM behaviour in case of host actions:\n  - live migration\n  - evacuation')).toEqual([])
  })

  test('a list indented as code under a label heading is read as the list it was meant to be', () => {
    const body = '#### AIs of last week\n\n    - AI @anna: check with the PO\n    - AI @ben: ask the CSPs'
    const items = extractActionItems(parseMarkdown(minutes(body)))
    expect(items.map(({ line, column, owners, text }) => ({ line, column, owners, text }))).toEqual([
      { line: 7, column: 5, owners: ['anna'], text: 'check with the PO' },
      { line: 8, column: 5, owners: ['ben'], text: 'ask the CSPs' },
    ])
  })

  test('fenced code under a label heading stays code', () => {
    expect(extract('### TODO\n\n```\n- AI @anna: not an item\n```')).toEqual([])
  })
})

describe('not action items', () => {
  test('"AI" meaning artificial intelligence, even after an arrow in lower case or mid-sentence', () => {
    expect(extract('- Tools -> ai generated summaries\n- The AI Act applies from 2026\n- Generated by AI (maybe)')).toEqual([])
  })

  test('status notes inside a ToDo list are not items of their own', () => {
    expect(extract('- TODO: fix the wording\n  - wording needs no change\n  - open')).toEqual([item(5, [], 'fix the wording')])
  })

  test('checkboxes written inside a line as the options of a survey', () => {
    expect(extract('- Keep the image? If yes, [ ] with the same UUID? [ ] with a new one?\n- [ ] yes [ ] no')).toEqual([])
  })

  test('a table that mentions action items without an owner column (since issue 20, one with an owner column is a list of items)', () => {
    expect(extract('| Topic | Action items |\n| --- | --- |\n| deploy | @anna |')).toEqual([])
    expect(extract('| Action | Responsible | Action items |\n| --- | --- | --- |\n| deploy | @anna | none |')).toEqual([item(7, ['anna'], 'deploy')])
  })
})

describe('actionItems.people in the configuration', () => {
  test('is read, merged over none, and used by the engine', () => {
    const configYaml = 'actionItems:\n  people:\n    Sam: sam-k\n    "Olga B": "@olga-b"\n'
    expect(loadConfig(configYaml).actionItems.people).toEqual({ Sam: 'sam-k', 'Olga B': '@olga-b' })
    const report = checkInMemory({ 'team/20261104.md': minutes('- AI Sam: draft a proposal\n- AI Olga B: review it') }, 'team/20261104.md', { configYaml })
    expect(report?.actionItems.map(({ owners, text }) => ({ owners, text }))).toEqual([
      { owners: ['sam-k'], text: 'draft a proposal' },
      { owners: ['olga-b'], text: 'review it' },
    ])
  })

  test('a login that is not one is refused with the key', () => {
    expect(() => loadConfig('actionItems:\n  people:\n    Sam: "not a login"\n', '.github/minutes.yml')).toThrow(ConfigError)
    expect(() => loadConfig('actionItems:\n  people:\n    Sam: "not a login"\n', '.github/minutes.yml')).toThrow(/actionItems\.people\.Sam/)
  })
})

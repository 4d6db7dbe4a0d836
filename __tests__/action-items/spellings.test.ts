import { describe, expect, test } from '@jest/globals'
import { extendGrammar, extractActionItems, type ActionItem, type ActionItemGrammar } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'

/** Minutes of our own: a title, an agenda heading, then `body` from line 5 on. */
function minutes(body: string): string {
  return `# 2026-11-04\n\n## Agenda\n\n${body}\n`
}

type Seen = Pick<ActionItem, 'line' | 'column' | 'owners' | 'text' | 'done' | 'due'>

function extract(body: string, grammar?: Partial<ActionItemGrammar>): Seen[] {
  return extractActionItems(parseMarkdown(minutes(body)), grammar).map(({ line, column, owners, text, done, due }) => ({ line, column, owners, text, done, due }))
}

/** An open item with no due date, for the common case. */
function item(line: number, owners: string[], text: string, extra: Partial<Seen> = {}): Seen {
  return { line, column: 1, owners, text, done: false, due: null, ...extra }
}

describe('markers, as spelled in the wild', () => {
  test('`- AI @alice: text`', () => {
    expect(extract('- AI @alice: write the upgrade runbook')).toEqual([item(5, ['alice'], 'write the upgrade runbook')])
  })

  test('`- _AI @alice_: text`: emphasis around marker and owner', () => {
    expect(extract('- _AI @Alice_: review the storage ADR')).toEqual([item(5, ['alice'], 'review the storage ADR')])
  })

  test('`- _AI @alice: text_`: the whole item emphasised', () => {
    expect(extract('- _AI @alice: rotate the registry certificates_')).toEqual([item(5, ['alice'], 'rotate the registry certificates')])
  })

  test('`* AI: @alice text`: owner after the colon', () => {
    expect(extract('* AI: @alice publish the release notes')).toEqual([item(5, ['alice'], 'publish the release notes')])
  })

  test('`- AI: @alice to do X`: the glue word `to` is not part of the task', () => {
    expect(extract('- AI: @alice to update the flavor table')).toEqual([item(5, ['alice'], 'update the flavor table')])
  })

  test('`AI @a and @b: text`: several owners, in the order written', () => {
    expect(extract('- AI @bob and @Alice: plan the hackathon')).toEqual([item(5, ['bob', 'alice'], 'plan the hackathon')])
  })

  test('`AI @a and @b: text` as a line of its own, not a list item', () => {
    expect(extract('AI @bob and @alice: plan the hackathon')).toEqual([item(5, ['bob', 'alice'], 'plan the hackathon')])
  })

  test('`Action Item: text` with its owners in sub-bullets (`*@berendt -> OSISM*`)', () => {
    const body = '- Bugs in Horizon\n    - Action Item: to be noted in release notes\n      - *@berendt -> OSISM*\n      - *@fkr -> SCS*'
    expect(extract(body)).toEqual([{ ...item(6, ['berendt', 'fkr'], 'to be noted in release notes'), column: 5 }])
  })

  test('`- [ ] @alice to do X` is an open item, `- [x] ...` a done one', () => {
    expect(extract('- [ ] @alice to book the meeting room\n- [x] @bob to send the survey')).toEqual([
      item(5, ['alice'], 'book the meeting room'),
      item(6, ['bob'], 'send the survey', { done: true }),
    ])
  })

  test('`TODO: text`, with no owner', () => {
    expect(extract('- TODO: fix the broken link checker')).toEqual([item(5, [], 'fix the broken link checker')])
  })

  test('`TODO (with R5): text`: the qualifier stays with the text', () => {
    expect(extract('- TODO (with R5): drop the old images')).toEqual([item(5, [], 'drop the old images (with R5)')])
  })

  test('markers vary in case and spacing: `ToDo`, `To Do`, `Action item`, `action point`', () => {
    const body = '- ToDo: a\n- To Do: b\n- Action item @alice: c\n- action point @bob: d'
    expect(extract(body).map(({ owners, text }) => [owners, text])).toEqual([
      [[], 'a'],
      [[], 'b'],
      [['alice'], 'c'],
      [['bob'], 'd'],
    ])
  })

  test('a marker on a later line of a note: the item starts at that line, not at the note', () => {
    const body = '- Kubernetes runtime\n  use yaook instead of k3s\n  Review this in a meeting (AI set up: @alice)'
    expect(extract(body)).toEqual([item(7, ['alice'], 'Review this in a meeting (set up)')])
  })

  test('an item wrapped onto a line that opens with a capital stays whole', () => {
    expect(extract('- AI @alice: write the runbook for\n  Kubernetes 1.34')).toEqual([item(5, ['alice'], 'write the runbook for Kubernetes 1.34')])
  })

  test('a marker in parentheses at the end of a note: `text (AI @alice, w/ @bob)`', () => {
    expect(extract('- align billing with the vendor (AI @alice, w/ @bob)')).toEqual([item(5, ['alice', 'bob'], 'align billing with the vendor')])
  })
})

describe('done marks', () => {
  test('`**DONE**`', () => {
    expect(extract('- AI @alice: **DONE** migrate the wiki')).toEqual([item(5, ['alice'], 'migrate the wiki', { done: true })])
  })

  test('`✅`', () => {
    expect(extract('- AI @alice: migrate the DNS ✅')).toEqual([item(5, ['alice'], 'migrate the DNS', { done: true })])
  })

  test('a sub-bullet `done; see ...`', () => {
    expect(extract('- AI @alice: close the tender\n  - done; see #12')).toEqual([item(5, ['alice'], 'close the tender', { done: true })])
  })

  test('a sub-bullet about something else does not close the item', () => {
    expect(extract('- AI @alice: close the tender\n  - @bob asked about the budget')).toEqual([item(5, ['alice'], 'close the tender')])
  })
})

describe('due dates', () => {
  test('`by 2026-12-01`', () => {
    expect(extract('- AI @alice: ship the images by 2026-12-01')).toEqual([item(5, ['alice'], 'ship the images by 2026-12-01', { due: '2026-12-01' })])
  })

  test('`due: 2026-12-01`', () => {
    expect(extract('- AI @alice: write the docs, due: 2026-12-01')).toEqual([item(5, ['alice'], 'write the docs, due: 2026-12-01', { due: '2026-12-01' })])
  })

  test('a date that is not a due date, or does not exist, is no due date', () => {
    expect(extract('- AI @alice: summarise the 2026-11-04 call\n- AI @bob: renew it by 2026-02-30').map((found) => found.due)).toEqual([null, null])
  })
})

describe('labelled lists: items without a marker of their own', () => {
  test('under a heading "Pending action items"', () => {
    const body = '### Pending action items\n\n- @alice to check quotas\n- write the runbook (@bob)\n\n### Other\n\n- not an item'
    expect(extract(body)).toEqual([item(7, ['alice'], 'check quotas'), item(8, ['bob'], 'write the runbook')])
  })

  test('under a heading "Action items"', () => {
    expect(extract('### Action items\n\n- @alice: renew the certificates')).toEqual([item(7, ['alice'], 'renew the certificates')])
  })

  test('under a line "Open Actions:"', () => {
    expect(extract('Open Actions:\n\n- @oscar: write it up\n\nAfterwards:\n\n- a plain list')).toEqual([item(7, ['oscar'], 'write it up')])
  })

  test('under a bare "TODO:" and "AI:", also as a list item whose sub-items are the items', () => {
    const body = 'TODO:\n\n- Study rancher\n\nAI:\n- Study hyperscaler\n\nRecap:\n\n- R3\n  - => TODO:\n    * Doc completion'
    expect(extract(body)).toEqual([item(7, [], 'Study rancher'), item(10, [], 'Study hyperscaler'), { ...item(16, [], 'Doc completion'), column: 5 }])
  })

  test('placeholders such as "- None" are not items', () => {
    expect(extract('### Pending action items\n\n- None\n- None yet.\n- n/a')).toEqual([])
  })
})

describe('not action items', () => {
  test('"AI" meaning artificial intelligence', () => {
    const body = '- Seems to be generated by AI\n- No AI for the image crawler in MVP3\n- AI is everywhere these days\n- Is AI: a threat?'
    expect(extract(body)).toEqual([])
  })

  test('plain prose, even naming owners and saying what to do', () => {
    expect(extract('- @alice will look into it\n- @bob to show @carol his billing approach\n\nWe need to do more testing.')).toEqual([])
  })

  test("a plain agenda list, and words that only contain a marker (`AIs`, `AI's`, `TODOs`)", () => {
    expect(extract('- Sprint review\n- Kubernetes upgrade\n- AI\'s will follow from that meeting\n- Collect TODOs in the wiki')).toEqual([])
  })

  test('a marker quoted in inline code', () => {
    expect(extract('- write `AI @alice: text` to assign an item')).toEqual([])
  })
})

describe('a configured grammar', () => {
  const german = extendGrammar({ markers: ['Aufgabe'], inlineMarkers: ['Aufgabe'], labels: ['Offene Aufgaben'] })

  test('an extra marker via extendGrammar, keeping the default ones', () => {
    expect(extract('- Aufgabe @alice: Protokoll hochladen\n- AI @bob: review', german)).toEqual([item(5, ['alice'], 'Protokoll hochladen'), item(6, ['bob'], 'review')])
  })

  test('an extra label via extendGrammar', () => {
    expect(extract('### Offene Aufgaben\n\n- @alice: Raum buchen', german)).toEqual([item(7, ['alice'], 'Raum buchen')])
  })

  test('the default grammar does not know the extra marker', () => {
    expect(extract('- Aufgabe @alice: Protokoll hochladen')).toEqual([])
  })

  test('replacing a field drops its defaults: without `AI`, `AI @alice:` is prose', () => {
    expect(extract('- AI @alice: write it\n- TODO: test it', { markers: ['To do'], inlineMarkers: ['TODO'] })).toEqual([item(6, [], 'test it')])
  })
})

// The extractor skips a paragraph when a pre-check finds no marker phrase in it (issue 22);
// a done mark blanked out of a line may have split a phrase or stood before it.
describe('markers the pre-check must not miss', () => {
  test('a done mark between the words of a marker: `To DONE do:`, `Action (done) item`', () => {
    expect(extract('To DONE do: write the notes')).toEqual([item(5, [], 'write the notes', { done: true })])
    expect(extract('Action (done) item @bob: fix it')).toEqual([item(5, ['bob'], 'fix it', { done: true })])
    expect(extract('To ✅ do @alice: write the notes')).toEqual([item(5, ['alice'], 'write the notes', { done: true })])
  })

  test('a configured done symbol of letters, blanked just before a marker', () => {
    expect(extract('Notes from xOKTODO: fix it', { doneSymbols: ['OK'] })).toEqual([item(5, [], 'Notes from x fix it', { done: true })])
    expect(extract('Notes from xOKTODO: fix it')).toEqual([])
  })
})

import { describe, expect, test } from '@jest/globals'
import { extractActionItems, type ActionItem } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'

/**
 * Classes of writing added after the second audit of the labelled sample (see
 * docs/action-items.md), each on minutes of our own, with the writing next to it that must
 * stay what it is: a title, an agenda heading, then `body` from line 5 on.
 */
function minutes(body: string): string {
  return `# 2026-11-04\n\n## Agenda\n\n${body}\n`
}

type Seen = Pick<ActionItem, 'line' | 'owners' | 'text' | 'done'>

function extract(body: string): Seen[] {
  return extractActionItems(parseMarkdown(minutes(body))).map(({ line, owners, text, done }) => ({ line, owners, text, done }))
}

function item(line: number, owners: string[], text: string, done = false): Seen {
  return { line, owners, text, done }
}

describe('labels', () => {
  test('a label that counts its list (`Action items (AIs): 2 in total`) only labels it', () => {
    const body = '- Action items (AIs): 2 in total\n  - talk about the audit log\n  - test the federated login'
    expect(extract(body)).toEqual([item(6, [], 'talk about the audit log'), item(7, [], 'test the federated login')])
  })

  test('`Action items: 3` and `Open actions (2)` too', () => {
    expect(extract('Action items: 3\n\n- renew the domain\n\nOpen actions (2)\n\n- fix the mirror')).toEqual([item(7, [], 'renew the domain'), item(11, [], 'fix the mirror')])
  })

  test('a number that is not a count of the list stays the item: `Action item: 2 more reviewers`', () => {
    expect(extract('- Action item: find 2 more reviewers')).toEqual([item(5, [], 'find 2 more reviewers')])
  })

  test('plurals written with an apostrophe: `### ToDo\'s`, `AI’s from last week:`', () => {
    const body = "### ToDo's\n\n- move the wiki\n\nAI’s from last week:\n\n- update the runbook (@ben)"
    expect(extract(body)).toEqual([item(7, [], 'move the wiki'), item(11, ['ben'], 'update the runbook')])
  })

  test('in a labelled list, a line naming a group over a sub-list is no item; its sub-items are', () => {
    const body = '### Action items\n\n- Team Storage:\n  - benchmark the new disks\n  - @anna: write the report\n- plan the review'
    expect(extract(body)).toEqual([item(8, [], 'benchmark the new disks'), item(9, ['anna'], 'write the report'), item(10, [], 'plan the review')])
  })

  test('a group line without a sub-list is an item still: `- ask the vendor about:`', () => {
    expect(extract('### Action items\n\n- ask the vendor about:')).toEqual([item(7, [], 'ask the vendor about')])
  })
})

describe('owners', () => {
  test('`TODO for @x, text`: the owner after `for`', () => {
    expect(extract('- The spec is half done, TODO for @carol, write the rest')).toEqual([item(5, ['carol'], 'The spec is half done, write the rest')])
  })

  test('`AI for @x: text` opening a line', () => {
    expect(extract('- AI for @dan: order the hardware')).toEqual([item(5, ['dan'], 'order the hardware')])
  })

  test('`for` before a handle after the text is the task\'s object: `TODO: wait for @erin`', () => {
    expect(extract('- TODO: wait for @erin')).toEqual([item(5, [], 'wait for @erin')])
  })

  test('owners closing a parenthesised marker\'s text: `(TODO: Clarify @gina)`', () => {
    expect(extract('- Old signer still active (TODO: Clarify @gina)')).toEqual([item(5, ['gina'], 'Old signer still active (Clarify)')])
  })

  test('a handle closing a parenthesised marker after `with` is no owner: `(TODO: sync with @gina)`', () => {
    expect(extract('- Signer (TODO: sync with @gina)')).toEqual([item(5, [], 'Signer (sync with @gina)')])
  })
})

describe('markers after an arrow, inside parentheses', () => {
  test('`text (-> AI @x mail)`: the line is the item, the words after the owner stay', () => {
    expect(extract('- Keep the attendee list stable (-> AI @hans mail)')).toEqual([item(5, ['hans'], 'Keep the attendee list stable (mail)')])
  })

  test('`(=> TODO: text)` with text of its own', () => {
    expect(extract('- Release slipped (=> TODO: move the date)')).toEqual([item(5, [], 'Release slipped (move the date)')])
  })

  test('an arrow to something else in parentheses is no marker: `(-> see AI notes)`', () => {
    expect(extract('- Demo went well (-> see AI notes)')).toEqual([])
  })
})

describe('whose item: `<word> AI: text`', () => {
  test('`community AI: please try the script` is an item for no one in particular; the word is kept after the text, as an unknown name is', () => {
    expect(extract('- The test script is ready\n  - community AI: please try it on your cloud\n  - team AI @carol: review the results')).toEqual([
      item(6, [], 'please try it on your cloud (community)'),
      item(7, ['carol'], 'review the results (team)'),
    ])
  })

  test('a word that says what kind of item it is goes: `current TODO for @x, …`, `urgent AI: …`', () => {
    expect(extract('- upstream the role\n  - current TODO for @dan, writing the spec\n- urgent AI: renew the certificate')).toEqual([item(6, ['dan'], 'writing the spec'), item(7, [], 'renew the certificate')])
  })

  test('a known name before `AI:` is the owner, in any case: `Dave AI: …`, `dave AI: …`', () => {
    const found = extractActionItems(parseMarkdown(minutes('- Participants: Dave Lee (@dlee)\n- Dave AI: call the vendor\n- dave AI: book the room')))
    expect(found.map(({ line, owners, text }) => [line, owners, text])).toEqual([
      [6, ['dlee'], 'call the vendor'],
      [7, ['dlee'], 'book the room'],
    ])
  })

  test('a kind of AI or a verb before it is prose: `Generative AI: …`, `is AI: …`', () => {
    expect(extract('- Generative AI: what it can do for docs\n- is AI: no')).toEqual([])
  })
})

describe('`AI:` on a topic about AI', () => {
  test('under a heading or list item about AI tools, `AI: we should not rely on it` is a remark; a task or an owner there is an item', () => {
    const body = '### AI tools in code review\n\n- AI: we should not rely on it\n- AI: is good at boilerplate\n- AI: evaluate the licences\n- AI @carol: write the guideline\n\n### Storage\n\n- Generative AI for the docs\n  - AI: it should only draft\n- AI: we need a second disk vendor'
    expect(extract(body)).toEqual([item(9, [], 'evaluate the licences'), item(10, ['carol'], 'write the guideline'), item(16, [], 'we need a second disk vendor')])
  })

  test('elsewhere a statement after `AI:` is still an item (the meeting wrote it as one)', () => {
    expect(extract('### Storage\n\n- AI: we should order the disks')).toEqual([item(7, [], 'we should order the disks')])
  })
})

describe('headings that are markers', () => {
  test('`#### TODO: release notes updates` is an item; the list under it is its notes', () => {
    expect(extract('#### TODO: release notes updates\n\n- the intro is fine')).toEqual([item(5, [], 'release notes updates')])
  })

  test('a heading marker with owners: `### AI @ivy: book the venue`', () => {
    expect(extract('### AI @ivy: book the venue')).toEqual([item(5, ['ivy'], 'book the venue')])
  })

  test('`## AI: what it can do` without owners is a topic, and a bare `### TODO` still labels its list', () => {
    expect(extract('### AI: what it can do\n\n- summaries\n\n### TODO\n\n- sort the backlog')).toEqual([item(11, [], 'sort the backlog')])
  })
})

describe('a marker that names only owners takes the text of its parent item', () => {
  test('`- Should create epics⏎  - *TODO: @anna and @ben*`', () => {
    expect(extract('- Should create epics for the next release\n  - *TODO: @anna and @ben*')).toEqual([item(6, ['anna', 'ben'], 'Should create epics for the next release')])
  })

  test('the parent\'s done mark carries over', () => {
    expect(extract('- Upgrade the registry ✅\n  - AI @jack:')).toEqual([item(6, ['jack'], 'Upgrade the registry', true)])
  })

  test('when the parent is an item itself, no second item is made', () => {
    expect(extract('- TODO: upgrade the registry\n  - AI @kim:')).toEqual([item(5, [], 'upgrade the registry')])
  })

  test('followed by siblings, it labels them instead: `- AI @lee:⏎- fix X⏎- fix Y`', () => {
    expect(extract('- Cleanup\n  - AI @lee:\n  - fix the docs\n  - fix the links')).toEqual([item(7, ['lee'], 'fix the docs'), item(8, ['lee'], 'fix the links')])
  })

  test('at the top level, with no parent, it is a label for nothing', () => {
    expect(extract('- TODO: @anna')).toEqual([])
  })
})

describe('status notes inside a labelled list', () => {
  test('`wording needs no change`, `the intro: is fine as is`, `open` are notes, not tasks', () => {
    const body = '- ToDos:\n  - rewrite the intro\n  - wording needs no change\n  - the intro: is fine as is\n  - open\n  - no change needed'
    expect(extract(body)).toEqual([item(6, [], 'rewrite the intro')])
  })

  test('a note with owners, a marker or a box stays an item: `@anna: the table is wrong`, `- [ ] PR is merged`', () => {
    const body = '- ToDos:\n  - @anna: the table is wrong\n  - AI @ben: docs are outdated\n\n- [ ] PR is merged'
    expect(extract(body)).toEqual([item(6, ['anna'], 'the table is wrong'), item(7, ['ben'], 'docs are outdated'), item(9, [], 'PR is merged')])
  })
})

describe('surveys', () => {
  test('a box inside one line of a list makes the boxes of its siblings options too', () => {
    const body = '- Keep the image?\n  - If yes, [ ] with the same UUID?\n  - [ ] with a new UUID'
    expect(extract(body)).toEqual([])
  })

  test('short boxes answering a question are options: `- Which image?⏎  - [ ] the old one⏎  - [x] a new one`', () => {
    expect(extract('- Which image do we keep?\n  - [ ] the old one\n  - [x] a new one')).toEqual([])
  })

  test('a box that is only an answer: `- [ ] yes`', () => {
    expect(extract('- [ ] yes\n- [ ] no, not now')).toEqual([])
  })

  test('long boxes under a question are the tasks it asks for', () => {
    const body = '- What is missing for disk encryption?\n  - [x] Operator view: write the blog post about NBDE\n  - [ ] User view: run the performance benchmark'
    expect(extract(body)).toEqual([item(6, [], 'Operator view: write the blog post about NBDE', true), item(7, [], 'User view: run the performance benchmark')])
  })
})

describe('done', () => {
  test('a done word closing the item after a dash, comma or arrow: `send mail - done`', () => {
    const body = '- AI @anna: send the mail - done\n- AI @ben: book the room, Done.\n- AI @carol: renew the domain -> done'
    expect(extract(body)).toEqual([item(5, ['anna'], 'send the mail', true), item(6, ['ben'], 'book the room', true), item(7, ['carol'], 'renew the domain', true)])
  })

  test('a done word that is part of the task is not a mark: `get the migration done`', () => {
    expect(extract('- AI @dan: get the migration done')).toEqual([item(5, ['dan'], 'get the migration done')])
  })
})

describe('several items in one line', () => {
  test('three or more: each item runs up to the next marker, not to the end of the line', () => {
    expect(extract('- AI @anna: ask A, AI @ben: ask B, AI @carol: ask C')).toEqual([item(5, ['anna'], 'ask A'), item(5, ['ben'], 'ask B'), item(5, ['carol'], 'ask C')])
  })

  test('inline and parenthesised items mixed: each keeps its own text', () => {
    expect(extract('- AI @anna: ask A. AI @ben: ask B (AI @carol: ask C), AI @dan: ask D')).toEqual([
      item(5, ['anna'], 'ask A.'),
      item(5, ['ben'], 'ask B'),
      item(5, ['carol'], 'ask C'),
      item(5, ['dan'], 'ask D'),
    ])
  })

  test('a line of a thousand items gives a thousand items, each with its own owner and text', () => {
    const line = Array.from({ length: 1000 }, (_, index) => `AI @u${index}: task ${index}`).join(', ')
    const found = extract(`- ${line}`)
    expect(found).toHaveLength(1000)
    expect(found.every((seen, index) => seen.line === 5 && seen.owners.join() === `u${index}` && seen.text === `task ${index}`)).toBe(true)
  })
})

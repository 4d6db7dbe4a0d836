import { describe, expect, test } from '@jest/globals'
import { extractActionItems, type ActionItem } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { issueBody, issueTitle } from '../../src/plan/issue-text.js'

/**
 * Classes of writing the replay of real history (scripts/replay.ts, docs/action-items.md "A
 * replay of real history") showed as bad issue titles, on minutes of our own: a title, an
 * agenda heading, then `body` from line 5 on.
 */
function minutes(body: string): string {
  return `# 2026-11-04\n\n## Agenda\n\n${body}\n`
}

type Seen = Pick<ActionItem, 'line' | 'owners' | 'text' | 'done'>

function items(body: string): ActionItem[] {
  return extractActionItems(parseMarkdown(minutes(body)))
}

function extract(body: string): Seen[] {
  return items(body).map(({ line, owners, text, done }) => ({ line, owners, text, done }))
}

function title(body: string): string[] {
  return items(body).map((item) => issueTitle({ item, path: 'platform/20261104.md', date: '2026-11-04', series: 'platform' }))
}

describe('an owner saying yes to the question above takes the question as the task', () => {
  test('`- Can we …?⏎  - Yes, AI: @anna`: the item is the question, owned by anna, and so is the title', () => {
    const body = '### Blog post\n\n- Can we replace the broken graph with a static image?\n  - Yes, AI: @anna'
    expect(extract(body)).toEqual([{ line: 8, owners: ['anna'], text: 'Can we replace the broken graph with a static image?', done: false }])
    expect(title(body)).toEqual(['[platform] Can we replace the broken graph with a static image?'])
  })

  test('the issue body quotes the question once, with the list item above it', () => {
    const body = '### Blog post\n\n- The graph is broken\n  - Can we replace the broken graph with a static image?\n    - Yes, AI: @anna'
    const [found] = items(body)
    const quoted = found ? issueBody({ item: found, path: 'platform/20261104.md', date: '2026-11-04', series: 'platform' }, { serverUrl: 'https://github.com', repository: 'acme/minutes', sha: 'a'.repeat(40) }) : ''
    expect(quoted.split('\n').filter((line) => line.startsWith('>'))).toEqual([
      '> _2026-11-04 › Agenda › Blog post_',
      '>',
      '> - The graph is broken',
      '>   - **Can we replace the broken graph with a static image?**',
    ])
  })

  test('`OK`, `Agreed.` and a done mark: the same; the done mark of the answer stays', () => {
    const body = '- Should we move the call to Thursdays?\n  - Agreed. AI @ben ✅\n- Who books the room?\n  - OK, AI: @carol'
    expect(extract(body)).toEqual([
      { line: 6, owners: ['ben'], text: 'Should we move the call to Thursdays?', done: true },
      { line: 8, owners: ['carol'], text: 'Who books the room?', done: false },
    ])
  })

  test('stays what it is: an answer with words of its own, a parent that is an item itself, a `Yes` with no parent or no owner', () => {
    const body = [
      '- Can we drop the old images?',
      '  - Yes, AI @anna: announce it on the list first',
      '- AI @ben: check the mirrors',
      '  - Yes, AI: @carol',
      '- AI @dave: Yes',
      '- Shall we record the call?',
      '  - Yes',
    ].join('\n')
    expect(extract(body)).toEqual([
      // Words of its own: the answer is the task, as before (the opening word stays, as written).
      { line: 6, owners: ['anna'], text: 'Yes, announce it on the list first', done: false },
      { line: 7, owners: ['ben'], text: 'check the mirrors', done: false },
      { line: 8, owners: ['carol'], text: 'Yes', done: false },
      { line: 9, owners: ['dave'], text: 'Yes', done: false },
    ])
  })
})

describe('`@x is doing …` after owners says the work has begun: the task is what follows', () => {
  test('`is building`, `are drafting`, `is going to`: cut, as `to` and `will` are', () => {
    const body = [
      '- AI: @anna is building the react component and data structure',
      '- AI @ben @carol: are drafting the release notes',
      '- AI: @dave is going to write the upgrade guide',
    ].join('\n')
    expect(extract(body)).toEqual([
      { line: 5, owners: ['anna'], text: 'building the react component and data structure', done: false },
      { line: 6, owners: ['ben', 'carol'], text: 'drafting the release notes', done: false },
      { line: 7, owners: ['dave'], text: 'write the upgrade guide', done: false },
    ])
    expect(title(body)).toEqual(['[platform] Building the react component and data structure', '[platform] Drafting the release notes', '[platform] Write the upgrade guide'])
  })

  test('stays: a question (`is the API ready?`), `is` with nobody named, `is` before a word that only ends like -ing (`is king`)', () => {
    const body = ['- AI @anna: is the API ready for the release?', '- TODO: is building the image still needed', '- AI @ben: is king of the backlog'].join('\n')
    expect(extract(body)).toEqual([
      { line: 5, owners: ['anna'], text: 'is the API ready for the release?', done: false },
      { line: 6, owners: [], text: 'is building the image still needed', done: false },
      { line: 7, owners: ['ben'], text: 'is king of the backlog', done: false },
    ])
  })
})

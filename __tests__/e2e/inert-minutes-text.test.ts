import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { renderAsGitHub } from '../../test-support/github-markdown.js'
import { baseTree, EXAMPLE_TREE, HEAD_SHA, NO_DASHBOARD, requestLines, runOnPullRequest, runOnPush, startMinutesRepo, WEEKLY } from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'


let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

const ZWSP = '\u200B'
const BLOB = `https://github.com/acme/minutes/blob/${HEAD_SHA}`
const HOSTILE_NAME = 'notes/2026-11-19 x|<img src=https:evil.example>|<https:evil.example>|www.evil.example|@alice #1.md'
const HOSTILE_MINUTES = '# Notes 2026-11-19\n\n- AI @bob: follow up on GH-1, acme/other#2 and https://github.com/acme/other/issues/3\n'
/** The name in a code span in a table cell: every `|` escaped (GFM splits the row first), tags, mentions and references broken. */
const NAME_IN_CELL = `notes/2026-11-19 x\\|<${ZWSP}img src=https:evil.example>\\|<${ZWSP}https:evil.example>\\|www.evil.example\\|@${ZWSP}alice #${ZWSP}1.md`
const PERMALINK = `${BLOB}/notes/2026-11-19%20x%7C%3Cimg%20src%3Dhttps%3Aevil.example%3E%7C%3Chttps%3Aevil.example%3E%7Cwww.evil.example%7C%40alice%20%231.md#L3`
const TITLE_CELL = `\\[notes\\] Follow up on GH${ZWSP}-1, acme/other#${ZWSP}2 and https:${ZWSP}//github.com/acme/other/issues/3`

describe('a file name with `|` in the plan table (issue 17, attack 5)', () => {
  test.each([
    [
      'with other files: the row’s code span',
      { [HOSTILE_NAME]: HOSTILE_MINUTES, [WEEKLY]: EXAMPLE_TREE[WEEKLY] ?? '' },
      `| create | ${TITLE_CELL} | bob | [\`${NAME_IN_CELL}:3\`](${PERMALINK}) |`,
    ],
    ['alone: the table header’s code span', { [HOSTILE_NAME]: HOSTILE_MINUTES }, `| | Title | Owners | From \`${NAME_IN_CELL}\` |`],
  ])('%s renders inert: no image, no link of theirs, no mention', async (_, added, line) => {
    const head = { ...baseTree(EXAMPLE_TREE), ...added }
    sim = await startMinutesRepo(head, baseTree(EXAMPLE_TREE))
    await runOnPullRequest({ sim, files: head, inputs: NO_DASHBOARD })

    const body = sim.state.comments[0]?.body ?? ''
    expect(body.split('\n')).toContain(line)
    const { html } = renderAsGitHub(body)
    expect(html).not.toMatch(/<img|evil\.example"|<a [^>]*href="(?!https:\/\/github\.com\/acme\/minutes\/blob\/)/)
    expect(html.replaceAll(ZWSP, '')).toContain('x|&#x3C;img src=https:evil.example>|&#x3C;https:evil.example>|www.evil.example|@alice #1.md')
    expect(html).not.toMatch(/@alice|#1\b|GH-1|other#2|https:\/\/github\.com\/acme\/other/)
  })
})

/** An item naming other issues every way GitHub links them, under a heading that does too. */
const REFERENCING = `# Acme Cloud Weekly 2026-11-19

## Meta

- Minutes: Bob

## Review of GH-5 and www.github.com/acme/other/discussions/6

- AI @bob: close GH-1 after acme/other#2, see https://github.com/acme/other/issues/3 and https://github.com/acme/other/pull/4
`

describe('cross-references in an item stay inert in the issue it becomes (issue 17, attack 6)', () => {
  test('GH-1, owner/repo#2 and github.com issue, pull request and discussion URLs: title and body link nothing', async () => {
    const head = { ...baseTree(EXAMPLE_TREE), [WEEKLY]: REFERENCING }
    sim = await startMinutesRepo(head, baseTree(EXAMPLE_TREE))
    await runOnPush({ sim, files: head, sha: HEAD_SHA, changed: [WEEKLY], inputs: NO_DASHBOARD })

    const [issue, ...others] = sim.state.issues
    expect(others).toEqual([])
    // Cut to 120 characters, then broken like the body.
    expect(issue?.title).toBe(`[community-call] Close GH${ZWSP}-1 after acme/other#${ZWSP}2, see https:${ZWSP}//github.com/acme/other/issues/3 and…`)
    const body = issue?.body ?? ''
    expect(body.split('\n').slice(1)).toEqual([
      `**Action item** from the [community-call minutes of 2026-11-19](${BLOB}/${WEEKLY}#L9):`,
      '',
      `> _Acme Cloud Weekly 2026-11-19 › Review of GH${ZWSP}-5 and www${ZWSP}.github.com/acme/other/discussions/6_`,
      '>',
      `> close GH${ZWSP}-1 after acme/other#${ZWSP}2, see https:${ZWSP}//github.com/acme/other/issues/3 and https:${ZWSP}//github.com/acme/other/pull/4`,
      '',
      '- **Owners:** bob',
      `- **Source:** [community-call/20261119.md, line 9](${BLOB}/${WEEKLY}#L9)`,
      '',
      '<sub>Kept by minutes-automation: closed when the minutes mark this item done, reopened when it comes back undone.</sub>',
      '',
    ])
    // As GitHub renders it: our two links to the minutes, nothing else.
    const hrefs = [...renderAsGitHub(body).html.matchAll(/href="([^"]*)"/g)].map((match) => match[1])
    expect(hrefs).toEqual([`${BLOB}/${WEEKLY}#L9`, `${BLOB}/${WEEKLY}#L9`])
  })
})

const GOOD_FIRST_ISSUE = 'good first issue'
const LONG_FOLDER = `team-${'x'.repeat(80)}`

describe('team labels from folder names (issue 17, attack 8)', () => {
  test('a folder named like a label of another purpose gets no team label; a long name is cut to 50 characters', async () => {
    const minutes = (title: string, item: string) => `# ${title} 2026-11-19\n\n- AI @alice: ${item}\n`
    const head = {
      ...baseTree(EXAMPLE_TREE),
      '.github/minutes.yml': `${EXAMPLE_TREE['.github/minutes.yml'] ?? ''}actionItems:\n  teamLabel: '{series}'\n`,
      [`${GOOD_FIRST_ISSUE}/20261119.md`]: minutes('Good first issue', 'write the guide for first-time contributors'),
      [`${LONG_FOLDER}/20261119.md`]: minutes('Team X', 'rename this folder to something shorter'),
    }
    const changed = [`${GOOD_FIRST_ISSUE}/20261119.md`, `${LONG_FOLDER}/20261119.md`]
    sim = await startMinutesRepo(head, baseTree(EXAMPLE_TREE), { labels: [{ name: GOOD_FIRST_ISSUE, color: '7057ff', description: 'Good for newcomers' }] })
    const run = await runOnPush({ sim, files: head, sha: HEAD_SHA, changed, inputs: NO_DASHBOARD })

    expect(run.exitCode).toBe(0)
    const cut = LONG_FOLDER.slice(0, 50)
    expect(sim.state.issues.map(({ title, labels }) => ({ title, labels }))).toEqual([
      { title: '[good first issue] Write the guide for first-time contributors', labels: ['action-item'] },
      { title: `[${LONG_FOLDER}] Rename this folder to…`, labels: ['action-item', cut] },
    ])
    expect(sim.state.labels.map(({ name, description }) => ({ name, description }))).toEqual([
      { name: GOOD_FIRST_ISSUE, description: 'Good for newcomers' },
      { name: 'action-item', description: 'An action item from meeting minutes, kept by minutes-automation' },
      { name: cut, description: 'An action item from meeting minutes, kept by minutes-automation' },
    ])
    expect(requestLines(sim).filter((line) => line.includes('/labels'))).toEqual([
      'GET /repos/acme/minutes/labels/action-item → 404',
      'POST /repos/acme/minutes/labels → 201',
      'GET /repos/acme/minutes/labels/good first issue → 200',
      `GET /repos/acme/minutes/labels/${cut} → 404`,
      'POST /repos/acme/minutes/labels → 201',
    ])
    expect(run.annotations).toContainEqual({
      level: 'warning',
      message: 'The team label "good first issue" was left off the new issues: the repository has a label of that name for another purpose (described "Good for newcomers"). Rename the folder, or change `actionItems.teamLabel`.',
    })
  })
})

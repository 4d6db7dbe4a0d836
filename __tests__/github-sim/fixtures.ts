import type { GitHubSimOptions } from '../../test-support/github-sim/index.js'

/** Commit shas of the seeded pull request. */
export const BASE_SHA = 'a'.repeat(40)
export const HEAD_SHA = 'b'.repeat(40)

/** A clock the tests can move. */
export function testClock(start = '2024-05-01T10:00:00Z'): { now: () => Date; advance: (seconds: number) => void } {
  let current = Date.parse(start)
  return {
    now: () => new Date(current),
    advance: (seconds) => {
      current += seconds * 1000
    },
  }
}

/**
 * A small minutes repository: a pull request (#1) that edits, adds, removes and
 * renames minutes, one open issue (#2) and one closed issue (#3).
 */
export function minutesRepo(now: () => Date): GitHubSimOptions {
  return {
    now,
    repo: { owner: 'acme', name: 'minutes', defaultBranch: 'main' },
    commits: {
      [BASE_SHA]: {
        'README.md': '# Minutes\n',
        'minutes/2024-04-01.md': '# 2024-04-01\n\n## Attendees\n\n- Alice\n',
        'minutes/2024-04-08.md': '# 2024-04-08\n\nOld notes\n',
        'team/iaas/2024-03-30.md': '# IaaS 2024-03-30\n',
      },
      [HEAD_SHA]: {
        'README.md': '# Minutes\n',
        'minutes/2024-04-01.md': '# 2024-04-01\n\n## Attendees\n\n- Alice\n- Bob\n',
        'minutes/2024-04-15.md': '# 2024-04-15\n\n## Actions\n\n- [ ] @alice: book room\n',
        'team/iaas/2024-04-01.md': '# IaaS 2024-03-30\n',
      },
    },
    pulls: [
      {
        title: 'Minutes of April',
        body: 'Adds the minutes',
        user: 'alice',
        head: { ref: 'minutes/april', sha: HEAD_SHA },
        base: { ref: 'main', sha: BASE_SHA },
      },
    ],
    issues: [
      { title: 'Book a room', body: 'From the minutes', labels: ['action-item'], assignees: ['alice'] },
      { title: 'Old action', state: 'closed', labels: ['action-item', 'done'] },
    ],
    labels: [{ name: 'action-item', color: '0e8a16', description: 'From meeting minutes' }],
    assignees: ['alice', 'bob'],
  }
}

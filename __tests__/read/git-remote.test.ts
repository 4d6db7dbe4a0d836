import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repositoryFromGitRemote } from '../../src/read/local-repo.js'

const CONFIG = `[core]
\tbare = false
[remote "origin"]
\turl = git@github.com:alice/minutes.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
[remote "upstream"]
\turl = https://github.com/acme/minutes
`

let temp = ''
afterEach(async () => {
  if (temp) await rm(temp, { recursive: true, force: true })
})

async function write(path: string, text: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true })
  await writeFile(path, text)
}

describe('repositoryFromGitRemote: the GitHub repository of a checkout', () => {
  test('a clone: `upstream` before `origin`', async () => {
    temp = await mkdtemp(join(tmpdir(), 'git-remote-'))
    await write(join(temp, '.git', 'config'), CONFIG)
    expect(await repositoryFromGitRemote(temp)).toBe('acme/minutes')
  })

  test('a linked worktree: `.git` is a file pointing into the main clone, whose config holds the remotes', async () => {
    temp = await mkdtemp(join(tmpdir(), 'git-remote-'))
    await write(join(temp, 'main', '.git', 'config'), CONFIG.replace(/\[remote "upstream"\][^]*$/u, ''))
    await write(join(temp, 'main', '.git', 'worktrees', 'wt', 'commondir'), '../..\n')
    await write(join(temp, 'wt', '.git'), 'gitdir: ../main/.git/worktrees/wt\n')
    expect(await repositoryFromGitRemote(join(temp, 'wt'))).toBe('alice/minutes')
  })

  test('no git, or a `.git` file that points nowhere: null, never an error', async () => {
    temp = await mkdtemp(join(tmpdir(), 'git-remote-'))
    expect(await repositoryFromGitRemote(temp)).toBeNull()
    await write(join(temp, '.git'), 'gitdir: ./missing\n')
    expect(await repositoryFromGitRemote(temp)).toBeNull()
  })
})

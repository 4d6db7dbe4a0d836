import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readTree, removeWorkspace, writeWorkspace } from '../../test-support/workspace.js'

describe('workspace', () => {
  it('writes a tree, reads it back without .git, and removes it', async () => {
    const files = { 'README.md': '# Minutes\n', 'minutes/2024/05-01.md': 'Grüße\n', '.github/minutes.yml': 'profiles: []\n' }
    const dir = await writeWorkspace(files)
    try {
      await mkdir(join(dir, '.git'))
      await writeFile(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n')
      expect(readTree(dir)).toEqual(files)
    } finally {
      await removeWorkspace(dir)
    }
    expect(existsSync(dir)).toBe(false)
    await expect(removeWorkspace(dir)).resolves.toBeUndefined()
  })
})

import { describe, expect, test } from '@jest/globals'
import { minutesLog } from '../../src/action/minutes-log.js'
import { stopWorkflowCommands } from '../../src/cli/workflow-commands.js'
import { parseStdout } from '../../test-support/run-action.js'

describe('minutesLog', () => {
  test('wraps each block in a stop and a resume with the run token, one escaped line per entry', () => {
    const lines: string[] = []
    const log = minutesLog((line) => lines.push(line), 'token-1')
    log(['a.md:1:1 error x\n::add-mask::Minutes', 'b ##[warning]y'])
    log([])
    log(['c\r::stop-commands::evil'])
    expect(lines).toEqual([
      '::stop-commands::token-1',
      'a.md:1:1 error x\\n::add-mask::Minutes',
      'b ##[warning]y',
      '::token-1::',
      '::stop-commands::token-1',
      'c\\r::stop-commands::evil',
      '::token-1::',
    ])
    // As the runner reads it, with our annotation after: only that one is a command.
    const read = parseStdout(`${lines.join('\n')}\n::warning file=a.md::ours\n`)
    expect(read.commands).toEqual([{ name: 'warning', properties: { file: 'a.md' }, message: 'ours' }])
    expect(read.stopTokens).toEqual(['token-1', 'token-1'])
  })

  test('draws a fresh random token per log', () => {
    const tokens = [0, 1].map(() => {
      const lines: string[] = []
      minutesLog((line) => lines.push(line))(['x'])
      return lines[0]
    })
    expect(tokens[0]).toMatch(/^::stop-commands::[0-9a-f-]{36}$/u)
    expect(tokens[0]).not.toBe(tokens[1])
  })
})

describe('stopWorkflowCommands (the CLI)', () => {
  test('stops commands on stderr only in a workflow step', () => {
    const written: string[] = []
    stopWorkflowCommands({ GITHUB_ACTIONS: 'true' }, (text) => written.push(text), 'tok')
    stopWorkflowCommands({}, (text) => written.push(text), 'tok')
    stopWorkflowCommands({ GITHUB_ACTIONS: 'false' }, (text) => written.push(text), 'tok')
    expect(written).toEqual(['::stop-commands::tok\n'])
  })
})

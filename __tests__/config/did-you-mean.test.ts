import { describe, expect, test } from '@jest/globals'
import { didYouMean, editDistance } from '../../src/config/did-you-mean.js'

const LEVELS = ['error', 'warning', 'info', 'off']

describe('didYouMean', () => {
  test('one edit, a swap of neighbours or a case difference finds the word meant', () => {
    expect(didYouMean('eror', LEVELS)).toBe('error')
    expect(didYouMean('Error', LEVELS)).toBe('error')
    expect(didYouMean('WARNING', LEVELS)).toBe('warning')
    expect(didYouMean('warnign', LEVELS)).toBe('warning')
    expect(didYouMean('inf', LEVELS)).toBe('info')
    expect(didYouMean('pahts', ['paths', 'extends'])).toBe('paths')
  })

  test('two edits only for words of six letters or more', () => {
    expect(didYouMean('warnin', LEVELS)).toBe('warning')
    expect(didYouMean('wrnin', LEVELS)).toBe('warning')
    expect(didYouMean('on', LEVELS)).toBeUndefined()
    expect(didYouMean('eorrr', LEVELS)).toBeUndefined()
  })

  test('nothing close, or two equally close: no guess', () => {
    expect(didYouMean('loud', LEVELS)).toBeUndefined()
    expect(didYouMean('cat', ['bat', 'hat'])).toBeUndefined()
    expect(didYouMean('x'.repeat(5000), LEVELS)).toBeUndefined()
  })
})

describe('editDistance', () => {
  test('insertions, deletions, substitutions and swaps each count one', () => {
    expect(editDistance('error', 'error')).toBe(0)
    expect(editDistance('eror', 'error')).toBe(1)
    expect(editDistance('errorr', 'error')).toBe(1)
    expect(editDistance('errer', 'error')).toBe(1)
    expect(editDistance('erorr', 'error')).toBe(1)
    expect(editDistance('', 'off')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })
})

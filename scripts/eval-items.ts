// `npm run eval:items` (run on Node 24 type stripping, see scripts/ts-imports.js): the action-item figures on
// the labelled sample, per part and marker kind, and what went wrong where.
// Held-out problems are listed only with --show-held-out: tune on the tuning part alone.
import { SAMPLE_MINUTES, evaluateSample, formatFigures, sampleMinutesAvailable } from '../test-support/action-item-eval.js'

if (!sampleMinutesAvailable) {
  console.log(`The sample minutes are not at ${SAMPLE_MINUTES}: nothing to evaluate.`)
} else {
  const showHeldOut = process.argv.includes('--show-held-out')
  const evaluation = evaluateSample()
  for (const part of ['tuning', 'held-out', 'all'] as const) {
    console.log(`\n${part}\n${formatFigures(evaluation, part)}`)
  }
  const listed = evaluation.problems.filter((problem) => showHeldOut || problem.part === 'tuning')
  console.log(`\n${listed.length} problems${showHeldOut ? '' : ' in the tuning part (held-out ones: --show-held-out)'}`)
  for (const problem of listed) console.log(`${problem.what.padEnd(14)} ${problem.kind.padEnd(11)} ${problem.place}  ${problem.detail}`)
}

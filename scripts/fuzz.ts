/**
 * Long fuzzing runs: `npm run fuzz [-- --runs 20000] [--parser lcov,junit] [--seed 42]`. The same
 * property as test/adversarial/fuzz.test.ts (data or ReportParseError, detect never throws), with
 * many more runs. A failure prints fast-check's counterexample and seed so it can be replayed.
 */
import { parseArgs } from 'node:util';
import { ALL_PARSERS } from '../src/core/reports/registry.js';
import { fixturesByParser, fuzzParser } from '../test/adversarial/fuzz-property.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5000' }, parser: { type: 'string' }, seed: { type: 'string' } },
});
const only = values.parser?.split(',');
const parsers = ALL_PARSERS.filter((p) => !only || only.includes(p.id));
const fixtures = await fixturesByParser(ALL_PARSERS);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
let failed = 0;
process.stdout.write(`fuzzing ${parsers.length} parsers, ${values.runs} runs each, seed ${seed}\n`);
for (const parser of parsers) {
  const started = performance.now();
  try {
    await fuzzParser(parser, fixtures.get(parser.id) ?? [], { numRuns: Number(values.runs), seed });
    process.stdout.write(`ok   ${parser.id} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    failed++;
    process.stdout.write(`FAIL ${parser.id}\n${error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;

// Every registered parser, fuzzed (bounded for CI; `npm run fuzz` runs long): data or ReportParseError.
import { describe, expect, it } from 'vitest';
import { ALL_PARSERS } from '../../src/core/reports/registry.js';
import { fixturesByParser, fuzzParser, mutate, violation } from './fuzz-property.js';

const fixtures = await fixturesByParser(ALL_PARSERS);

describe('fuzzing every parser in the registry', () => {
  it.each(ALL_PARSERS.map((p) => [p.id, p] as const))(
    '%s: returns data or throws ReportParseError',
    async (_id, parser) => {
      await fuzzParser(parser, fixtures.get(parser.id) ?? [], { numRuns: 40, seed: 20261121 });
    },
  );

  it('mutations change the input, and a truncated fixture is reported, not crashed on', async () => {
    const junit = ALL_PARSERS.find((p) => p.id === 'junit')!;
    const fixture = fixtures.get('junit')![0]!;
    const cut = mutate(fixture.bytes, [{ kind: 'cut', at: Math.floor(fixture.bytes.length / 2), byte: 0 }]);
    expect(cut.length).toBeLessThan(fixture.bytes.length);
    expect(await violation(junit, cut)).toBeUndefined();
  });

  it('detect never throws on a JSON key that is not valid JSON (found by this fuzzer)', () => {
    for (const head of ['{"a\u0001b": 1}', '{"\\x": 1}', '[{"\\u12": 1}]']) {
      for (const parser of ALL_PARSERS) expect(() => parser.detect(head), `${parser.id} on ${head}`).not.toThrow();
    }
  });

  it('the property catches a parser that breaks the contract', async () => {
    const broken = {
      ...ALL_PARSERS[0]!,
      parse: () => Promise.reject(new TypeError('boom')),
    } as (typeof ALL_PARSERS)[number];
    expect(await violation(broken, Buffer.from('x'))).toMatch(/^parse threw TypeError: boom/);
  });
});

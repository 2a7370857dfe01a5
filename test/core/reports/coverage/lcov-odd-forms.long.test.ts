// The long profile (`npm run test:long`, run by .ci/run after `npm test`): every odd form of the
// records the lcov byte scanner reads itself, for each of its readers and line endings, against the
// text reader. lcov-scan.test.ts checks a fixed sample of the same forms in `npm test`.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LcovWasm } from '../../../../src/core/reports/coverage/lcov/wasm.js';
import { expectSameOutcome, ODD_FORM_VARIANTS, oddFormTexts, READERS } from './lcov-agree.js';

describe.each(READERS)('lcov: the byte scanner, reading %s, and the text reader agree', (_name, via, wasm) => {
  beforeAll(() => {
    if (!wasm) vi.stubGlobal('WebAssembly', undefined);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it(wasm ? 'with the WebAssembly loop' : 'with no WebAssembly loop', () => {
    expect(LcovWasm.create() !== undefined).toBe(wasm);
  });

  // In quarters, so that no test runs long even on a busy machine.
  const PARTS = 4;
  const cases = ODD_FORM_VARIANTS.flatMap(([eol, tail]) =>
    Array.from({ length: PARTS }, (_, part) => [JSON.stringify(eol + tail), part + 1, eol, tail, part] as const),
  );
  it.each(cases)(
    'on every odd form of the records it reads itself, alone and in pairs, ending %s (part %i of 4)',
    async (_title, _n, eol, tail, part) => {
      const texts = oddFormTexts(eol, tail);
      const size = Math.ceil(texts.length / PARTS);
      for (const text of texts.slice(part * size, (part + 1) * size)) await expectSameOutcome(via, text);
    },
  );
});

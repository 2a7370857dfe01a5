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

  it.each(ODD_FORM_VARIANTS.map(([eol, tail]) => [JSON.stringify(eol + tail), eol, tail]))(
    'on every odd form of the records it reads itself, alone and in pairs, ending %s',
    async (_title, eol, tail) => {
      for (const text of oddFormTexts(eol, tail)) await expectSameOutcome(via, text);
    },
  );
});

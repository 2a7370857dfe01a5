// Resource class: "a JSON report just under max_json_bytes with tens of millions of small objects
// takes 2 GB". JSON is parsed whole, so the number of objects and arrays it may build is capped
// (one per 32 bytes of max_json_bytes by default, 8,388,608 at 256 MiB; measured in stream/json.ts):
// over it the report fails with a message. Under it, a report that fails its shape check is refused
// at the first mismatch: zod no longer keeps an issue per element (8 million of them ran out of heap).
import { describe, expect, it } from 'vitest';
import { createPathMapper } from '../../src/core/paths.js';
import { parseReport } from '../../src/core/reports/registry.js';
import { DEFAULT_LIMITS } from '../../src/core/reports/types.js';
import { containersOver, jsonContainerLimit } from '../../src/core/stream/json.js';
import { textSource } from '../helpers/parse.js';

const ctx = (text: string, maxJsonContainers: number) => ({
  source: textSource(text, 'eslint.json'),
  paths: createPathMapper({ root: '/nonexistent', exists: () => false }),
  limits: { ...DEFAULT_LIMITS, maxJsonContainers },
});
const file = (i: number, message = 'm') =>
  `{"filePath":"/r/f${i}.js","messages":[{"ruleId":"x","severity":2,"message":${JSON.stringify(message)},"line":1,"column":1}],"errorCount":1,"warningCount":0}`;

describe('objects and arrays in a JSON report are bounded', () => {
  it('defaults to one per 32 bytes of max_json_bytes, so raising that raises it', () => {
    expect(jsonContainerLimit(DEFAULT_LIMITS)).toBe(8_388_608);
    expect(jsonContainerLimit({ ...DEFAULT_LIMITS, maxJsonBytes: 512 * 1024 * 1024 })).toBe(16_777_216);
    expect(jsonContainerLimit({ ...DEFAULT_LIMITS, maxJsonContainers: 5 })).toBe(5);
  });

  it('refuses a report of many tiny objects over the bound, before parsing it', async () => {
    const text = `[${Array.from({ length: 400 }, (_, i) => file(i)).join(',')}]`; // 1 + 400 × 3 containers
    await expect(parseReport('lint', ctx(text, 1_000), 'eslint-json')).rejects.toThrow(
      /eslint\.json: JSON report holds more than 1,000 objects and arrays: refusing to build them in memory \(raise limits\.max_json_bytes if this is expected: each 32 bytes of it allow one more\)/,
    );
    const parsed = await parseReport('lint', ctx(text, 1_201), 'eslint-json');
    expect(parsed.data.findings).toHaveLength(400);
  });

  it('does not count braces inside strings', async () => {
    const text = `[${Array.from({ length: 10 }, (_, i) => file(i, '{[{[ "\\"{[" '.repeat(50))).join(',')}]`;
    expect(containersOver(text, 31)).toBe(false);
    expect(containersOver(text, 30)).toBe(true);
    expect((await parseReport('lint', ctx(text, 31), 'eslint-json')).data.findings).toHaveLength(10);
  });

  it('refuses a report whose every element fails its shape at the first one, keeping one issue', async () => {
    const text = `[${'{},'.repeat(200_000)}{}]`;
    const error = await parseReport('lint', ctx(text, 1_000_000), 'eslint-json').then(
      () => undefined,
      (e: unknown) => e as Error & { cause: { issues: unknown[] } },
    );
    expect(error?.message).toMatch(
      /not a valid ESLint JSON report: Invalid input: expected string, received undefined at 0\.filePath$/,
    );
    expect(error?.cause.issues).toHaveLength(1);
  });
});

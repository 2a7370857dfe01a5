// Resource class: "a JSON report just under max_json_bytes with tens of millions of small objects
// takes 2 GB". JSON is parsed whole, so the number of objects and arrays it may build is capped
// (limits.maxJsonContainers, 8 million by default): over it the report fails with a message.
import { describe, expect, it } from 'vitest';
import { createPathMapper } from '../../src/core/paths.js';
import { parseReport } from '../../src/core/reports/registry.js';
import { DEFAULT_LIMITS } from '../../src/core/reports/types.js';
import { containersOver } from '../../src/core/stream/json.js';
import { textSource } from '../helpers/parse.js';

const ctx = (text: string, maxJsonContainers: number) => ({
  source: textSource(text, 'eslint.json'),
  paths: createPathMapper({ root: '/nonexistent', exists: () => false }),
  limits: { ...DEFAULT_LIMITS, maxJsonContainers },
});
const file = (i: number, message = 'm') =>
  `{"filePath":"/r/f${i}.js","messages":[{"ruleId":"x","severity":2,"message":${JSON.stringify(message)},"line":1,"column":1}],"errorCount":1,"warningCount":0}`;

describe('objects and arrays in a JSON report are bounded', () => {
  it('defaults to 8 million', () => {
    expect(DEFAULT_LIMITS.maxJsonContainers).toBe(8_000_000);
  });

  it('refuses a report of many tiny objects over the bound, before parsing it', async () => {
    const text = `[${Array.from({ length: 400 }, (_, i) => file(i)).join(',')}]`; // 1 + 400 × 3 containers
    await expect(parseReport('lint', ctx(text, 1_000), 'eslint-json')).rejects.toThrow(
      /eslint\.json: JSON report holds more than 1000 objects and arrays: refusing to build them in memory/,
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
});

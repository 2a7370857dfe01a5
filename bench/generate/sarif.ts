/**
 * A SARIF 2.1.0 log shaped like ESLint/CodeQL output: one run, a rule table, and a fixed number of
 * results with locations, one per line.
 */
import { identifier, sourcePath, type Rng } from './rng.js';
import type { Sink } from './sink.js';

const LEVELS = ['error', 'warning', 'warning', 'note'] as const;

export async function writeSarif(sink: Sink, rng: Rng, results: number): Promise<{ results: number }> {
  const rules = Array.from({ length: 60 }, (_, i) => `rule-${identifier(rng)}-${i}`);
  const ruleTable = rules
    .map((id) =>
      JSON.stringify({
        id,
        shortDescription: { text: `Disallow ${id.replace(/-/g, ' ')}` },
        helpUri: `https://example.com/rules/${id}`,
      }),
    )
    .join(',\n          ');
  await sink.write(
    '{\n  "version": "2.1.0",\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "runs": [\n    {\n' +
      `      "tool": {\n        "driver": {\n          "name": "benchlint",\n          "version": "1.0.0",\n          "rules": [\n          ${ruleTable}\n          ]\n        }\n      },\n` +
      '      "results": [\n',
  );
  const files = Array.from({ length: 2_000 }, (_, i) => sourcePath(rng, i));
  for (let i = 0; i < results; i++) {
    const ruleIndex = rng.int(0, rules.length - 1);
    const startLine = rng.int(1, 2_000);
    const startColumn = rng.int(1, 80);
    const result = {
      ruleId: rules[ruleIndex],
      ruleIndex,
      level: rng.pick(LEVELS),
      message: { text: `'${identifier(rng)}' is assigned a value but never used; see "${rules[ruleIndex]}" <docs>.` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: rng.pick(files), uriBaseId: '%SRCROOT%' },
            region: { startLine, startColumn, endLine: startLine, endColumn: startColumn + rng.int(1, 30) },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${(rng.next() * 2 ** 52).toString(16)}:1` },
    };
    await sink.write(`        ${JSON.stringify(result)}${i + 1 < results ? ',' : ''}\n`);
  }
  await sink.write('      ]\n    }\n  ]\n}\n');
  return { results };
}

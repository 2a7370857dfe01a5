/**
 * `npm run schema`: regenerates schema/*.json from the zod schemas and the README's formats table
 * from the parser registry (tests fail when either is stale).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { formatsTable } from '../src/cli/formats.js';
import { SCHEMA_FILES } from '../src/config/json-schema.js';

mkdirSync('schema', { recursive: true });
for (const [path, make] of Object.entries(SCHEMA_FILES)) {
  writeFileSync(path, `${JSON.stringify(make(), null, 2)}\n`);
  process.stdout.write(`wrote ${path}\n`);
}
const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(
  /(<!-- formats:start -->\n)[\s\S]*?(<!-- formats:end -->)/,
  (_m, start: string, end: string) => `${start}${formatsTable()}${end}`,
);
writeFileSync('README.md', updated);
process.stdout.write('updated the formats table in README.md\n');

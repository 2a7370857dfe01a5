import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES } from '../src/config/json-schema.js';
import { VERSION } from '../src/version.js';

describe('generated files stay in step with their source', () => {
  it.each(Object.entries(SCHEMA_FILES))('%s matches the zod schema (run `npm run schema`)', (path, make) => {
    const committed = JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(make())));
  });

  it('the version in reports is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });

  it('the config schema describes the documented keys', () => {
    const schema = JSON.parse(readFileSync(new URL('../schema/readygate.schema.json', import.meta.url), 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'reports',
        'levels',
        'require',
        'branches',
        'mode',
        'missing',
        'audit_ignore',
        'roadmap',
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('README', () => {
  it('carries the formats table generated from the registry', async () => {
    const { formatsTable } = await import('../src/cli/formats.js');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = /<!-- formats:start -->\n([\s\S]*?)<!-- formats:end -->/.exec(readme)?.[1];
    expect(section).toBe(formatsTable());
  });

  it('opens with the two-command quick start', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('```sh\nnpm ci && npm run demo\nnpm test\n```');
  });
});

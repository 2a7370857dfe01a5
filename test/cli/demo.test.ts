// `npm run demo`'s pull-request summary, as the demo makes it (scripts/demo.ts: a check of the
// base reports, then of the change against that base with its diff), kept in
// test/__outputs__/demo-summary.md, which the README links as the demo's output.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the demo', () => {
  it('writes the summary committed in test/__outputs__/demo-summary.md', async () => {
    const out = mkdtempSync(join(tmpdir(), 'readygate-demo-'));
    const common = ['check', '--cwd', 'examples', '--config', 'readygate.yml'];
    const base = await cli(
      [
        ...common,
        ...['--coverage', 'reports-base/coverage/lcov.info', '--tests', 'reports-base/junit.xml'],
        ...[
          '--audit',
          'reports-base/audit.json',
          '--lint',
          'reports-base/eslint.json',
          '--out',
          join(out, 'base.json'),
        ],
      ],
      ROOT,
    );
    expect(base.stderr).toBe('');
    const change = await cli(
      [...common, '--base', join(out, 'base.json'), '--diff', 'change.diff', '--markdown-out', join(out, 'summary.md')],
      ROOT,
    );
    expect([change.code, change.stderr]).toEqual([0, '']);
    await expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatchFileSnapshot('../__outputs__/demo-summary.md');
  });
});

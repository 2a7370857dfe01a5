// #12: two roadmap syncs from separate checkouts (two CI jobs, two machines: no shared lock file)
// must not leave duplicate issues. Two real processes sync the same roadmap against one API (a real
// HTTP server on 127.0.0.1 holding the issues), both starting from the same empty listing.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { readMarker } from '../../../src/core/roadmap/marker.js';
import { HttpFakeGitHub } from './http-fake.js';

const run = promisify(execFile);
const CHILD = new URL('./sync-child.ts', import.meta.url).pathname;
const TSX = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
const ROADMAP = `# Plan\n\n## Launch\n\n**Priority: HIGH**\n\n${Array.from({ length: 12 }, (_, i) => `- [${i % 3 === 0 ? 'x' : ' '}] L-${i + 1} Task ${i + 1}`).join('\n')}\n`;

const RELATED =
  '# Plan\n\n- [ ] R-1 Parser\n  - [ ] R-1.1 Lexer\n  - [ ] R-1.2 Tree\n- [ ] R-2 Release\n  **Dependency:** R-1\n';

let dir: string | undefined;
let server: HttpFakeGitHub | undefined;
afterEach(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('two syncs at once, from two processes', () => {
  it('leave one open issue per item: the later creator closes its duplicates, with a comment naming the winner', async () => {
    server = new HttpFakeGitHub();
    server.holdCreates = 2; // no issue is created before both syncs have listed the (empty) repository
    const api = await server.start();
    dir = mkdtempSync(join(tmpdir(), 'readygate-two-syncs-'));
    const file = join(dir, 'ROADMAP.md');
    writeFileSync(file, ROADMAP);
    const [a, b] = await Promise.all([run(TSX, [CHILD, api, file]), run(TSX, [CHILD, api, file])]);
    const results = [a, b].map((r) => JSON.parse(r.stdout) as { created: unknown[]; warnings: string[] });
    // Both created all 12 (they started from the same listing): 24 issues exist.
    expect(results.map((r) => r.created.length)).toEqual([12, 12]);
    expect(server.issues).toHaveLength(24);
    const managed = server.issues.filter((i) => readMarker(i.body));
    const keys = managed.map((i) => readMarker(i.body)!.key).sort();
    expect(keys).toEqual(Array.from({ length: 12 }, (_, i) => `L-${i + 1}`).sort());
    // Each winner is the lowest number of its key; each loser is closed, unmarked, and says why.
    const losers = server.issues.filter((i) => !readMarker(i.body));
    expect(losers).toHaveLength(12);
    for (const loser of losers) {
      const winner = managed.find((w) => loser.title === w.title)!;
      expect(winner.number).toBeLessThan(loser.number);
      expect(loser).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
      expect(loser.comments).toEqual([expect.stringContaining(`Duplicate of #${winner.number}`)]);
    }
    // Done items are closed on the winner too; the others stay open.
    expect(
      managed
        .filter((i) => i.state === 'closed')
        .map((i) => i.title)
        .sort(),
    ).toEqual(['L-1: Task 1', 'L-4: Task 4', 'L-7: Task 7', 'L-10: Task 10'].sort());
    expect(results.flatMap((r) => r.warnings)).toHaveLength(12);
    // A third sync finds nothing to do.
    const third = JSON.parse((await run(TSX, [CHILD, api, file])).stdout) as { created: unknown[] };
    expect(third.created).toEqual([]);
    expect(server.issues).toHaveLength(24);
  }, 60_000);

  it('add each sub-issue and "blocked by" once: the add GitHub refuses (422) because the other made it is done, not stood in for', async () => {
    server = new HttpFakeGitHub();
    server.holdCreates = 2;
    const api = await server.start();
    dir = mkdtempSync(join(tmpdir(), 'readygate-two-syncs-'));
    const file = join(dir, 'ROADMAP.md');
    writeFileSync(file, RELATED);
    const [a, b] = await Promise.all([run(TSX, [CHILD, api, file]), run(TSX, [CHILD, api, file])]);
    const warnings = [a, b].flatMap((r) => (JSON.parse(r.stdout) as { warnings: string[] }).warnings);
    // Only the duplicates' clean-up is reported: no relation fell back to body lines.
    expect(warnings.every((w) => w.startsWith('another roadmap sync created'))).toBe(true);
    const winners = new Map(
      server.issues.flatMap((i) => {
        const marker = readMarker(i.body);
        return marker ? [[marker.key, i] as const] : [];
      }),
    );
    expect([...winners.keys()].sort()).toEqual(['R-1', 'R-1.1', 'R-1.2', 'R-2']);
    expect([...winners.values()].every((i) => !/ (subs|deps)=body/.test(i.body))).toBe(true);
    const parent = winners.get('R-1')!;
    expect([winners.get('R-1.1')!.parent, winners.get('R-1.2')!.parent]).toEqual([parent.number, parent.number]);
    expect(winners.get('R-2')!.blockedBy).toEqual([parent.id]);
    // Relations sit on the winners only.
    const losers = server.issues.filter((i) => !readMarker(i.body));
    expect(losers.every((i) => i.parent === null && i.blockedBy.length === 0)).toBe(true);
    expect(server.issues.filter((i) => i.parent !== null && i.parent !== parent.number)).toEqual([]);
  }, 60_000);
});

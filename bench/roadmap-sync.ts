/**
 * A first roadmap sync of 100 new items against a local fake API (a real HTTP server on 127.0.0.1),
 * with readygate's default pacing (writes 1 s apart, 80 creations a minute, 500 an hour) on a
 * simulated clock: every pacing wait advances the clock instead of sleeping, so the run reports how
 * long the same sync takes against GitHub at the documented pace. Target: under 150 s.
 * Run: `npm run bench:roadmap`.
 */
import { collectRoadmap } from '../src/core/roadmap/collect.js';
import { createRoadmapClient } from '../src/github/roadmap/client.js';
import { syncRoadmap } from '../src/github/roadmap/sync.js';
import { HttpFakeGitHub } from '../test/github/roadmap/http-fake.js';

const ITEMS = 100;
const text = `# Plan\n\n${Array.from({ length: 5 }, (_, m) =>
  [
    `## Milestone ${m + 1}: Part ${m + 1}`,
    '',
    ...Array.from({ length: ITEMS / 5 }, (_, i) => {
      const n = m * (ITEMS / 5) + i + 1;
      return `- [${n % 4 === 0 ? 'x' : ' '}] T-${n} Task number ${n}`;
    }),
    '',
  ].join('\n'),
).join('\n')}`;

const server = new HttpFakeGitHub();
const api = await server.start();
let simulated = 0;
const octokit = createRoadmapClient({
  token: 'bench',
  baseUrl: api,
  pacing: { sleep: async (ms) => void (simulated += ms), now: () => simulated + performance.now() },
});
const started = performance.now();
const { result } = await syncRoadmap(octokit, {
  ref: { owner: 'acme', repo: 'app' },
  roadmap: collectRoadmap([{ file: 'ROADMAP.md', text }]),
  options: { labels: [], closeDone: true, onRemoved: 'close_not_planned', twoWay: true, files: ['ROADMAP.md'] },
  dryRun: false,
});
const real = performance.now() - started;
await server.stop();
const total = (simulated + real) / 1000;
console.log(
  `roadmap first sync: ${ITEMS} items, ${result?.created.length ?? 0} issues created, ${result?.writes ?? 0} writes; ` +
    `${total.toFixed(1)} s at GitHub's documented pace (paced waits ${(simulated / 1000).toFixed(1)} s + local work ${(real / 1000).toFixed(1)} s); target < 150 s: ${total < 150 ? 'met' : 'NOT met'}`,
);

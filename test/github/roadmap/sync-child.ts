// One roadmap sync in its own process (as a CI job on another machine would run it), against the
// API named by argv[2], of the roadmap file argv[3]. Prints the result as JSON.
import { readFileSync } from 'node:fs';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import { createRoadmapClient } from '../../../src/github/roadmap/client.js';
import { syncRoadmap } from '../../../src/github/roadmap/sync.js';

const [apiUrl, file] = process.argv.slice(2) as [string, string];
const octokit = createRoadmapClient({
  token: 'test-token',
  baseUrl: apiUrl,
  pacing: { writeGapMs: 0, createGapMs: 0, retryAfterUnitMs: 1, sleep: async () => {} },
});
const outcome = await syncRoadmap(octokit, {
  ref: { owner: 'acme', repo: 'app' },
  roadmap: collectRoadmap([{ file: 'ROADMAP.md', text: readFileSync(file, 'utf8') }]),
  options: {
    labels: ['priority:{value}'],
    closeDone: true,
    onRemoved: 'close_not_planned',
    twoWay: true,
    files: ['ROADMAP.md'],
  },
  dryRun: false,
});
process.stdout.write(
  `${JSON.stringify({ created: outcome.result?.created ?? [], warnings: outcome.result?.warnings ?? [] })}\n`,
);

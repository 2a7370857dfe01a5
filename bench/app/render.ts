/** The App benchmark's section of bench/results.md, kept between its own markers. */
import type { Machine } from '../machine.js';

export const APP_START = '<!-- bench:app start: written by `npm run bench:app`; do not edit by hand -->';
export const APP_END = '<!-- bench:app end -->';

export interface AckResult {
  deliveries: number;
  ratePerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<string, number>;
}

export interface AppBenchResults {
  generatedAt: string;
  quick: boolean;
  machine: Machine;
  latencyMs: number;
  /** The web replica alone (workers drain afterwards), as a ROLE=web replica runs. */
  ack: AckResult;
  /** The same burst while two worker replicas run on the same cores. */
  ackShared?: AckResult;
  throughput: { workers: number; deliveries: number; seconds: number; perSecond: number }[];
  requests: { deliveries: number; byRoute: Record<string, number> };
  peakRss: { role: string; rssBytes: number }[];
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const fixed = (n: number, digits = 1) => n.toFixed(digits);

export function renderAppSection(r: AppBenchResults): string {
  const base = r.throughput.find((t) => t.workers === 1)?.perSecond ?? NaN;
  const total = Object.values(r.requests.byRoute).reduce((a, b) => a + b, 0);
  const statuses = Object.entries(r.ack.statuses)
    .map(([s, n]) => `${n} × ${s}`)
    .join(', ');
  const peak = (role: string) => Math.max(0, ...r.peakRss.filter((p) => p.role === role).map((p) => p.rssBytes));
  const two = r.throughput.find((t) => t.workers === 2);
  const ratio = two ? two.perSecond / base : NaN;
  const lines = [
    '## App benchmark (`npm run bench:app`)',
    '',
    `Measured ${r.generatedAt.slice(0, 10)} on ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}. Replicas are separate processes on one Redis (redis-server on 127.0.0.1); GitHub is a local fake answering every request after ${r.latencyMs} ms. The deliveries are \`pull_request.synchronize\` payloads (a waiting check run per push) over 100 repositories; each worker replica runs 4 deliveries at once.`,
    '',
    '| Target | Goal | Measured | |',
    '| --- | --- | --- | --- |',
    `| webhook ack p99 (web replica alone), ${r.ack.deliveries.toLocaleString('en-US')} deliveries at ${r.ack.ratePerSecond}/s | < 100 ms | ${fixed(r.ack.p99Ms)} ms | ${r.ack.p99Ms < 100 ? '✅ met' : '❌ missed'} |`,
    `| 2 workers vs 1 | ≥ 1.8× | ${fixed(ratio, 2)}× | ${ratio >= 1.8 ? '✅ met' : '❌ missed'} |`,
    `| GitHub API requests per delivery | ≤ 8 | ${fixed(total / r.requests.deliveries, 2)} | ${total / r.requests.deliveries <= 8 ? '✅ met' : '❌ missed'} |`,
    '',
    `Webhook acknowledgement, one web replica after 20 unmeasured warm-up deliveries, the workers started only to drain afterwards (a ROLE=web replica on its own cores): p50 ${fixed(r.ack.p50Ms)} ms, p99 ${fixed(r.ack.p99Ms)} ms, slowest ${fixed(r.ack.maxMs)} ms; answers: ${statuses}.`,
    ...(r.ackShared
      ? [
          '',
          `The same burst while two worker replicas process it on the same ${r.machine.cores} cores (web, workers, Redis, the fake GitHub and the sender all on one machine): p50 ${fixed(r.ackShared.p50Ms)} ms, p99 ${fixed(r.ackShared.p99Ms)} ms, slowest ${fixed(r.ackShared.maxMs)} ms. On a machine this small, run the web replica apart from the workers (docs/app-scaling.md).`,
        ]
      : []),
    '',
    '| Worker replicas | Deliveries | Time | Deliveries/s | vs 1 worker |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...r.throughput.map(
      (t) =>
        `| ${t.workers} | ${t.deliveries} | ${fixed(t.seconds, 2)} s | ${fixed(t.perSecond)} | ${fixed(t.perSecond / base, 2)}× |`,
    ),
    '',
    `GitHub API requests for ${r.requests.deliveries} deliveries with one worker (reads included):`,
    '',
    '| Request | Count | Per delivery |',
    '| --- | ---: | ---: |',
    ...Object.entries(r.requests.byRoute)
      .sort((a, b) => b[1] - a[1])
      .map(([route, n]) => `| \`${route}\` | ${n} | ${fixed(n / r.requests.deliveries, 2)} |`),
    `| **total** | ${total} | ${fixed(total / r.requests.deliveries, 2)} |`,
    '',
    `Peak RSS per replica: web ${mb(peak('web'))}, worker ${mb(peak('worker'))}.`,
  ];
  return `${lines.join('\n')}\n`;
}

/** `doc` with the App section replaced, or appended when it has none yet. */
export function withAppSection(doc: string, section: string): string {
  const block = `${APP_START}\n${section}${APP_END}\n`;
  const start = doc.indexOf(APP_START);
  const end = doc.indexOf(APP_END);
  if (start === -1 || end < start) return `${doc.trimEnd()}\n\n${block}`;
  return doc.slice(0, start) + block + doc.slice(end + APP_END.length).replace(/^\n/, '');
}

/** The App section of `doc` (markers included), to carry over when another tool rewrites the file. */
export function appSectionOf(doc: string): string | undefined {
  const start = doc.indexOf(APP_START);
  const end = doc.indexOf(APP_END);
  return start === -1 || end < start ? undefined : doc.slice(start, end + APP_END.length) + '\n';
}

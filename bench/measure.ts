/**
 * Runs one subject on one file in a fresh Node process and reads back its result. A child that
 * crashes (out of memory, a peer that rejects the file) is recorded as a failure, not retried.
 */
import { spawn } from 'node:child_process';
import type { ChildResult } from './child.js';

export type Measured = (ChildResult & { wallMs: number }) | { error: string; wallMs: number };

const TIMEOUT_MS = 15 * 60 * 1000;

export function measure(childScript: string, subjectId: string, file: string): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [childScript, subjectId, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) {
        resolve({ ...(JSON.parse(line) as ChildResult), wallMs });
        return;
      }
      resolve({ error: describeFailure(code, signal, stderr), wallMs });
    });
  });
}

function describeFailure(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Allocation failed/i.test(stderr)) return 'ran out of memory (default Node heap limit)';
  if (/Invalid string length|Cannot create a string longer/i.test(stderr))
    return 'file too large for one JavaScript string';
  const lines = stderr.split('\n').filter((l) => /^\s*(?:\w*Error|error): /.test(l));
  const reason = lines[0]?.trim().slice(0, 200) ?? '';
  if (signal) return `killed by ${signal}${reason ? `: ${reason}` : ''}`;
  return reason || `exited with code ${code}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

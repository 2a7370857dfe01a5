/**
 * The fuzzing property shared by the bounded CI test (fuzz.test.ts) and long runs (scripts/fuzz.ts):
 * on arbitrary input (random bytes, random text, real fixtures with bytes flipped, inserted, deleted
 * or cut off), a parser's `detect` never throws and `parse` returns data or throws ReportParseError,
 * whether the input is streamed or read as a file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { ReportParseError } from '../../src/core/errors.js';
import type { AnyParser } from '../../src/core/reports/types.js';
import { readHead } from '../../src/core/reports/registry.js';
import { context, FIXTURES, memoryFileSource, textSource } from '../helpers/parse.js';

export interface Fixture {
  path: string;
  bytes: Buffer;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? listFiles(abs) : [abs];
  });
}

/** Every fixture file a parser recognises, so mutations start from real tool output of its format. */
export async function fixturesByParser(parsers: readonly AnyParser[]): Promise<Map<string, Fixture[]>> {
  const byParser = new Map<string, Fixture[]>(parsers.map((p) => [p.id, []]));
  for (const abs of listFiles(FIXTURES)) {
    if (abs.endsWith('README.md')) continue;
    const bytes = readFileSync(abs);
    const head = await readHead(textSource(bytes)).catch(() => '');
    for (const p of parsers) if (p.detect(head)) byParser.get(p.id)!.push({ path: relative(FIXTURES, abs), bytes });
  }
  return byParser;
}

type Mutation =
  { kind: 'flip' | 'insert' | 'delete'; at: number; byte: number } | { kind: 'cut'; at: number; byte: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'insert', 'delete', 'cut'),
  at: fc.nat(),
  byte: fc.oneof(
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom(0x3c, 0x3e, 0x22, 0x2c, 0x3a, 0x0a, 0x7b, 0x7d, 0x5b, 0x5d, 0x26),
  ),
});

export function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    if (m.kind === 'flip') out[at] = m.byte;
    else if (m.kind === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.from([m.byte]), out.subarray(at)]);
    else if (m.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1)]);
    else out = out.subarray(0, at);
  }
  return out;
}

/** Inputs for one parser: random bytes, random text, and mutated fixtures when it has any. */
export function inputs(fixtures: readonly Fixture[]): fc.Arbitrary<Buffer> {
  const random = [
    fc.uint8Array({ maxLength: 4_096 }).map((a) => Buffer.from(a)),
    fc.string({ unit: 'binary', maxLength: 2_000 }).map((s) => Buffer.from(s)),
    fc.json().map((s) => Buffer.from(s)),
  ];
  if (fixtures.length === 0) return fc.oneof(...random);
  const mutated = fc
    .tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 8 }))
    .map(([f, ms]) => mutate(f.bytes, ms));
  return fc.oneof({ arbitrary: mutated, weight: 3 }, ...random.map((arbitrary) => ({ arbitrary, weight: 1 })));
}

/** Runs one parser on one input; resolves with a description of anything that breaks the contract. */
export async function violation(parser: AnyParser, bytes: Buffer): Promise<string | undefined> {
  // Half the inputs are read as a stream, half as a file (as reports on disk are: reused buffers).
  const source = bytes.length % 2 === 0 ? textSource(bytes, 'fuzz.input') : memoryFileSource(bytes, 'fuzz.input');
  try {
    parser.detect(await readHead(source).catch(() => ''));
  } catch (error) {
    return `detect threw ${String(error)}`;
  }
  try {
    await parser.parse(context(source));
    return undefined;
  } catch (error) {
    if (error instanceof ReportParseError && error.path === 'fuzz.input') return undefined;
    return `parse threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`;
  }
}

export async function fuzzParser(
  parser: AnyParser,
  fixtures: readonly Fixture[],
  params: fc.Parameters<[Buffer]>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(inputs(fixtures), async (bytes) => {
      const problem = await violation(parser, bytes);
      if (problem) throw new Error(`${parser.id}: ${problem}`);
    }),
    params,
  );
}

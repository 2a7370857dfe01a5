/**
 * Reads `.github/readygate.yml` text into a validated Config. Every problem names the key path and
 * the YAML line, says how to fix it, and catches typos in keys ("did you mean `branches`?").
 */
import { LineCounter, isMap, isPair, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { firstLine } from '../core/first-line.js';
import { knownKeys } from './known-keys.js';
import { Config } from './schema.js';
import { closest } from './suggest.js';

/** A config file's YAML, read but not yet validated: what `_extends` chains are merged from. */
export interface ConfigDocument {
  /** How the file is named in messages, e.g. `.github/readygate.yml (main)`. */
  file: string;
  value: unknown;
  doc: Document;
  lineCounter: LineCounter;
}

export function parseConfig(text: string, file = '.github/readygate.yml'): Config {
  const source = parseConfigDocument(text, file);
  return validateConfig(source.value, file, source.doc, source.lineCounter);
}

/** YAML syntax and emptiness only; `validateConfig` or `validateMergedConfig` checks the shape. */
export function parseConfigDocument(text: string, file = '.github/readygate.yml'): ConfigDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => {
      const line = lineCounter.linePos(e.pos[0]).line;
      return `${file}${line ? `:${line}` : ''}: YAML syntax: ${firstLine(e.message)}`;
    });
    throw new ConfigError(`${file} is not valid YAML`, issues);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  if (value === null || value === undefined) {
    throw new ConfigError(`${file} is empty`, [
      `${file}: add at least a "levels:" section (run \`readygate init\` for a starter)`,
    ]);
  }
  return { file, value, doc, lineCounter };
}

export function validateConfig(value: unknown, file: string, doc?: Document, lineCounter?: LineCounter): Config {
  return validateWith(value, file, (path, key) => `${file}${locate(doc, lineCounter, path, key)}`);
}

/**
 * Validates a policy merged from an `_extends` chain (`sources` child first). Each problem names
 * the file, and line, that sets the key: the nearest file in the chain that has it.
 */
export function validateMergedConfig(value: unknown, label: string, sources: readonly ConfigDocument[]): Config {
  return validateWith(value, label, (path, key) => {
    for (const s of sources) {
      const node = find(s.doc, [...path, ...(key === undefined ? [] : [key])]);
      const offset = node?.range?.[0];
      if (offset !== undefined) return `${s.file}:${s.lineCounter.linePos(offset).line}`;
    }
    return label;
  });
}

type Where = (path: string[], key?: string) => string;

function validateWith(value: unknown, file: string, where: Where): Config {
  // One small document, parsed once: zod's compiled fast path (new Function per object schema)
  // costs more to build than it saves here, and start-up time is part of the CLI.
  const result = Config.safeParse(value, { jitless: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => describeIssue(issue, where));
  throw new ConfigError(`${file} has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}

function describeIssue(issue: z.core.$ZodIssue, where: Where): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const known = knownKeys(Config, path);
        const guess = closest(key, known);
        const hint = guess
          ? `did you mean \`${guess}\`?`
          : known.length > 0
            ? `known keys: ${known.join(', ')}`
            : 'remove it';
        return `${where(path, key)}: unknown key \`${[...path, key].join('.')}\`: ${hint}`;
      })
      .join('\n');
  }
  const keyPath = path.length > 0 ? `\`${path.join('.')}\`` : 'the top level';
  return `${where(path)}: ${keyPath}: ${friendly(issue)}`;
}

/** The node (a key's scalar for the last segment) at exactly `path`, or undefined. */
function find(doc: Document, path: string[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const [i, segment] of path.entries()) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
    if (!pair) return undefined;
    node = i === path.length - 1 ? pair.key : pair.value;
  }
  return node as Node | undefined;
}

function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const received = (issue as { input?: unknown }).input;
    return received === undefined
      ? `required (expected ${issue.expected})`
      : `expected ${issue.expected}, got ${typeof received}`;
  }
  if (issue.code === 'invalid_union') return 'not one of the accepted shapes (see the config reference in the README)';
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  return issue.message;
}

/** `:line` of the node at `path` (or of the key `key` inside it), when the document is known. */
function locate(doc: Document | undefined, lc: LineCounter | undefined, path: string[], key?: string): string {
  if (!doc || !lc) return '';
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
    if (!pair) break;
    node = pair.value;
  }
  let target: Node | undefined = node as Node | undefined;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) target = pair.key;
  }
  const offset = target?.range?.[0];
  return offset === undefined ? '' : `:${lc.linePos(offset).line}`;
}

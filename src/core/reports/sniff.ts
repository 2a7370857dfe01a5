/**
 * Cheap content sniffing on the first few kilobytes of a file, shared by every parser's `detect`.
 * Written by hand: detection must work on a truncated head, which no JSON or XML library accepts.
 */

/** Name (without prefix) of the first element, skipping the declaration, comments, PIs and DOCTYPE. */
export function xmlRootName(head: string): string | undefined {
  let i = 0;
  const n = head.length;
  while (i < n) {
    const lt = head.indexOf('<', i);
    if (lt === -1) return undefined;
    if (head.slice(i, lt).trim() !== '') return undefined; // text before the root: not XML
    if (head.startsWith('<?', lt)) {
      const end = head.indexOf('?>', lt);
      if (end === -1) return undefined;
      i = end + 2;
    } else if (head.startsWith('<!--', lt)) {
      const end = head.indexOf('-->', lt);
      if (end === -1) return undefined;
      i = end + 3;
    } else if (head.startsWith('<!', lt)) {
      const end = skipDoctype(head, lt);
      if (end === -1) return undefined;
      i = end;
    } else {
      const match = /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(lt, lt + 200));
      if (!match?.[1]) return undefined;
      const name = match[1];
      const colon = name.indexOf(':');
      return colon === -1 ? name : name.slice(colon + 1);
    }
  }
  return undefined;
}

function skipDoctype(head: string, start: number): number {
  let depth = 0;
  for (let i = start; i < head.length; i++) {
    const c = head[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

/** The root start tag's text (name and attributes), for formats told apart by an attribute. */
export function xmlRootTag(head: string): string | undefined {
  const name = xmlRootName(head);
  if (!name) return undefined;
  const at = head.search(new RegExp(`<(?:[\\w.-]+:)?${name}[\\s>/]`));
  if (at === -1) return undefined;
  const end = head.indexOf('>', at);
  return head.slice(at, end === -1 ? undefined : end + 1);
}

export interface JsonHead {
  /** '{' or '[' */
  kind: '{' | '[';
  /** Keys at depth 1 of an object root, or of the first element of an array root, in order. */
  keys: string[];
  /** For an array root: whether the first element is an object. */
  firstIsObject?: boolean;
}

/** A JSON string literal's value; undefined when it is not valid JSON (control characters, bad escapes). */
function jsonString(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Scans the head of a JSON document (possibly cut anywhere) and lists its top-level keys. */
export function jsonHead(head: string): JsonHead | undefined {
  let i = 0;
  while (i < head.length && /\s/.test(head[i]!)) i++;
  const first = head[i];
  if (first !== '{' && first !== '[') return undefined;
  const keys: string[] = [];
  const stack: string[] = [];
  // Object root: keys of the root. Array root: keys of its first element only.
  const keyDepth = first === '{' ? 1 : 2;
  let firstIsObject: boolean | undefined;
  let elementsSeen = 0;
  let expectKey = false;
  for (; i < head.length; i++) {
    const c = head[i]!;
    if (c === '"') {
      const end = findStringEnd(head, i + 1);
      if (end === -1) break;
      if (expectKey && stack.length === keyDepth && elementsSeen <= 1) {
        const key = jsonString(head.slice(i, end + 1));
        if (key === undefined) return undefined; // a key that is not valid JSON: not a JSON report
        keys.push(key);
      }
      expectKey = false;
      i = end;
    } else if (c === '{' || c === '[') {
      stack.push(c);
      if (first === '[' && stack.length === 2) {
        elementsSeen++;
        if (firstIsObject === undefined) firstIsObject = c === '{';
      }
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) break;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] === '{';
    } else if (c === ':') {
      expectKey = false;
    }
  }
  return first === '[' ? { kind: '[', keys, firstIsObject } : { kind: '{', keys };
}

function findStringEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
  }
  return -1;
}

/** First line that is not blank. */
export function firstLine(head: string): string {
  for (const line of head.split('\n')) if (line.trim() !== '') return line.replace(/\r$/, '');
  return '';
}

/**
 * How an `_extends` chain combines: mappings merge key by key, recursively; anything else (a
 * number, a string, a list) in the extending file replaces the base's value. Lists replace rather
 * than concatenate (Probot's deepmerge concatenates) so that a repository can narrow a base's
 * report globs or `audit_ignore` entries instead of only ever adding to them.
 *
 * @example mergePolicy({ levels: { a: { tests: { max_failed: 0 } } } }, { levels: { a: { coverage: { lines: 80 } } } })
 *   // { levels: { a: { tests: { max_failed: 0 }, coverage: { lines: 80 } } } }
 */
export function mergePolicy(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) define(out, key, value);
  for (const [key, value] of Object.entries(over))
    define(out, key, Object.hasOwn(base, key) ? mergePolicy(base[key], value) : value);
  return out;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** An own data property even for `__proto__`, so a key in a file can never reach a prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

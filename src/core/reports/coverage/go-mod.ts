/**
 * The module path declared by a go.mod file, for mapping Go import paths to repo paths.
 * Hand-written: only the `module` directive is needed, which is one line (optionally quoted, with
 * `//` comments), not worth a go.mod grammar.
 *
 * @example goModulePath('module example.com/acme/calc\n\ngo 1.19\n') // 'example.com/acme/calc'
 */
const MODULE_LINE = /^\s*module\s+("(?:[^"\\]|\\.)+"|`[^`]+`|[^\s/"`][^\s]*)\s*(?:\/\/.*)?$/m;

export function goModulePath(goMod: string): string | undefined {
  const raw = MODULE_LINE.exec(goMod)?.[1];
  if (raw === undefined) return undefined;
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith('`')) return raw.slice(1, -1);
  return raw;
}

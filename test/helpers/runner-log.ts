/**
 * What the GitHub Actions runner would execute from a step's log, read conservatively: every line
 * that starts with `::` after white space (the runner trims with .NET's Trim, U+0085 included) and
 * every `##[` anywhere in a line (the legacy form), except between `::stop-commands::<token>` and
 * `::<token>::`. Lines split at `\n`, `\r\n` and a lone `\r`, as the runner's line reader does.
 */
export function commandsRun(log: string): string[] {
  const run: string[] = [];
  let stopped: string | undefined;
  for (const line of log.split(/\r\n?|\n/)) {
    const trimmed = line.replace(/^[\s\u0085]+|[\s\u0085]+$/g, '');
    if (stopped !== undefined) {
      if (trimmed === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(trimmed);
    if (stop) stopped = stop[1];
    else if (trimmed.startsWith('::')) run.push(trimmed);
    else if (line.includes('##[')) run.push(line.slice(line.indexOf('##[')));
  }
  return run;
}

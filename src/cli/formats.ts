/** `readygate formats`: every format readygate reads, how it is detected, what it provides. */
import { ALL_PARSERS } from '../core/reports/registry.js';
import { EXIT, type CliIO } from './io.js';
import { defineCommand, oneOf, type FlagsOf } from './options.js';

export const FORMATS_HELP = `Usage: readygate formats [--format text|markdown|json]

Lists every report format, what detection looks at, and the metrics it provides.
`;

export function formatsTable(): string {
  const rows = ALL_PARSERS.map(
    (p) =>
      `| \`${p.id}\` | ${p.signal} | ${p.title} | ${p.detectedBy.replace(/\|/g, '\\|')} | ${p.metrics.join(', ')} |`,
  );
  return (
    ['| Format | Signal | Tool output | Detected by | Provides |', '| --- | --- | --- | --- | --- |', ...rows].join(
      '\n',
    ) + '\n'
  );
}

export const FORMATS_OPTIONS = { format: oneOf('text', 'markdown', 'json') } as const;

export const formatsCli = defineCommand({
  help: FORMATS_HELP,
  options: FORMATS_OPTIONS,
  run: (flags, _positionals, io) => formatsCommand(flags, io),
});

export function formatsCommand(flags: FlagsOf<typeof FORMATS_OPTIONS>, io: CliIO): number {
  const format = flags.format ?? 'text';
  if (format === 'markdown') {
    io.stdout(formatsTable());
    return EXIT.ok;
  }
  if (format === 'json') {
    const formats = ALL_PARSERS.map((p) => ({
      id: p.id,
      signal: p.signal,
      title: p.title,
      detectedBy: p.detectedBy,
      metrics: p.metrics,
    }));
    io.stdout(`${JSON.stringify(formats, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...ALL_PARSERS.map((p) => p.id.length));
  for (const p of ALL_PARSERS)
    io.stdout(
      `${p.id.padEnd(width)}  ${p.signal.padEnd(8)}  ${p.title}\n${' '.repeat(width + 12)}detected by: ${p.detectedBy}\n`,
    );
  return EXIT.ok;
}

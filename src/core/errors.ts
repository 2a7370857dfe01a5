/**
 * Typed errors. Inside the core we throw these with a location and `cause`; the front doors
 * (CLI main, action runner, app handler) turn them into one clear message and an exit code.
 */
export class ReadygateError extends Error {
  override name = 'ReadygateError';
}

/** A report file that could not be read or parsed. `path` is repo-relative. */
export class ReportParseError extends ReadygateError {
  override name = 'ReportParseError';
  constructor(
    readonly path: string,
    message: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(line === undefined ? `${path}: ${message}` : `${path}:${line}: ${message}`, options);
  }
  /** The message without the location prefix. */
  get reason(): string {
    const prefix = this.line === undefined ? `${this.path}: ` : `${this.path}:${this.line}: `;
    return this.message.startsWith(prefix) ? this.message.slice(prefix.length) : this.message;
  }
}

/** An invalid `.github/readygate.yml` or inputs. */
export class ConfigError extends ReadygateError {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bad command line or flags. */
export class UsageError extends ReadygateError {
  override name = 'UsageError';
}

/** Message of anything thrown, including non-Error throws. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a parent of it is a file, not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
};

/** A file-system error in words ("file not found"), or undefined when the code is not a known one. */
export function fsReason(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? FS_REASONS[code] : undefined;
}

/** What the CLI needs from the process, passed in so tests run it in-process. */
export interface CliIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  readStdin: () => Promise<string>;
  /** Today's date, YYYY-MM-DD (injected so expiry is testable). */
  today: () => string;
}

export function useColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

export const EXIT = { ok: 0, gatesFailed: 1, usage: 2 } as const;

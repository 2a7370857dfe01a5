// lcov-parse 1.0.0 ships no types; this is the part the benchmark calls.
declare module 'lcov-parse' {
  interface LcovFile {
    file: string;
    lines: { found: number; hit: number; details: { line: number; hit: number }[] };
    branches: { found: number; hit: number; details: { line: number; block: number; branch: number; taken: number }[] };
    functions: { found: number; hit: number; details: { name: string; line: number; hit: number }[] };
  }
  function parse(fileOrText: string, cb: (err: unknown, data?: LcovFile[]) => void): void;
  export default parse;
}

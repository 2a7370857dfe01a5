/**
 * Bounds of the per-file patch data, so a report stays small on any change (see patch-report.ts).
 * Apart from the report schema, which checks them: building a report needs these numbers, not the
 * zod schema, whose construction costs `readygate check` start-up time on every run.
 */
export const PATCH_BOUNDS = {
  /** Changed files listed in `patch.files` (worst first); the rest are counted in `files_omitted`. */
  files: 300,
  /** Uncovered ranges listed per file; the rest are counted in `uncovered_omitted`. */
  rangesPerFile: 200,
  /** Ranges in `patch.line_data` in all; beyond it the line data is left out (and the report says so). */
  lineDataRanges: 200_000,
  lineDataFiles: 5_000,
  /** Files listed in `coverage.by_file`. */
  byFile: 20_000,
} as const;

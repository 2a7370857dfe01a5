/**
 * The readiness config, `.github/readygate.yml`. One zod schema is the source of truth: it
 * validates, it types the code, and `npm run schema` generates the JSON Schema editors use.
 */
import { z } from 'zod';

/** A percent from 0 to 100. 0.85 is refused: it reads as 0.85%, nearly always meant as 85 (a fraction). */
const percent = z
  .number()
  .min(0)
  .max(100)
  .superRefine((v, ctx) => {
    if (v > 0 && v < 1)
      ctx.addIssue({
        code: 'custom',
        message: `${v} would mean ${v}%: percents go from 0 to 100 here (did you mean ${Number((v * 100).toFixed(4))}?)`,
      });
  });
const count = z.number().int().min(0);

export const ReportEntry = z.union([
  z.string().min(1),
  z.strictObject({
    path: z.string().min(1).describe('Glob from the repository root'),
    format: z.string().optional().describe('Format id (see `readygate formats`); detected from content when absent'),
    options: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Format options, e.g. { pattern } for compiler-text'),
  }),
]);
export type ReportEntry = z.infer<typeof ReportEntry>;

const reportList = z.union([ReportEntry, z.array(ReportEntry)]).transform((v) => (Array.isArray(v) ? v : [v]));

export const CoverageGates = z.strictObject({
  lines: percent.optional().describe('Minimum line coverage, percent'),
  branches: percent.optional().describe('Minimum branch coverage, percent'),
  functions: percent.optional().describe('Minimum function coverage, percent'),
  max_drop: z
    .number()
    .min(0)
    .optional()
    .describe('Largest allowed drop in line coverage against the base report, in points'),
  patch: percent.optional().describe('Minimum coverage of the coverable lines the change adds, percent'),
});

export const TestsGates = z.strictObject({
  pass_rate: percent.optional().describe('Minimum passed / (passed + failed), percent; skipped tests do not count'),
  max_failed: count.optional().describe('Most failed tests (failures and errors) allowed'),
  min_total: count.optional().describe('Fewest tests that must have run (skipped tests do not count)'),
  max_skipped: count.optional().describe('Most skipped, todo or pending tests allowed'),
  max_flaky: count.optional().describe('Most tests that passed only on a rerun'),
});

export const AuditGates = z.strictObject({
  critical: count.optional(),
  high: count.optional(),
  moderate: count.optional(),
  low: count.optional(),
});

export const LintGates = z.strictObject({
  errors: count.optional().describe('Most lint errors allowed'),
  warnings: count.optional().describe('Most lint warnings allowed'),
  new_only: z.boolean().optional().describe('Count only findings absent from the base report'),
});

export const RoadmapGates = z.strictObject({
  milestone: z.string().optional().describe('Milestone (section) title the gate looks at'),
  priority: z.array(z.string()).optional().describe('Only items with one of these priorities'),
  done: percent.describe('Minimum percent of items done'),
});

export const LevelGates = z.strictObject({
  coverage: CoverageGates.optional(),
  tests: TestsGates.optional(),
  audit: AuditGates.optional(),
  lint: LintGates.optional(),
  roadmap: z.union([RoadmapGates, z.array(RoadmapGates)]).optional(),
});
export type LevelGates = z.infer<typeof LevelGates>;

export const AuditIgnore = z.strictObject({
  id: z.string().min(1).describe("Advisory id (GHSA, CVE, OSV id, or the tool's own id); aliases match too"),
  package: z.string().optional().describe('Only for this package'),
  reason: z.string().min(1).describe('Why it is safe to ignore: shown in every report'),
  until: z
    .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'), z.date()])
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .optional()
    .describe('Last day the ignore applies (YYYY-MM-DD); after it the finding counts again'),
});
export type AuditIgnore = z.infer<typeof AuditIgnore>;

export const RoadmapConfig = z.strictObject({
  files: z.array(z.string()).default([]).describe('Roadmap Markdown files (globs)'),
  milestones: z
    .union([z.literal('auto'), z.number().int().min(1).max(6), z.literal('off')])
    .default('auto')
    .describe(
      'Which headings become GitHub milestones: auto (headings with a date, a version or a milestone/phase number), a heading level, or off',
    ),
  labels: z.array(z.string()).default(['priority:{value}']).describe('Label templates, e.g. "priority:{value}"'),
  close_done: z.boolean().default(true),
  on_removed: z.enum(['close_not_planned', 'label', 'ignore']).default('close_not_planned'),
  two_way: z.boolean().default(true),
  criteria_headings: z.array(z.string()).optional().describe('Headings whose checklists are criteria, not tasks'),
  trusted_authors: z
    .array(z.string().min(1))
    .default([])
    .describe(
      "Logins besides the token's own whose issues' roadmap markers are believed (e.g. the account earlier syncs ran as)",
    ),
  cache_dir: z
    .union([z.string().min(1), z.literal(false)])
    .optional()
    .describe(
      'Directory for the ETag cache that makes repeated syncs cheap (relative to the repository root), or false; default: $XDG_CACHE_HOME/readygate or ~/.cache/readygate',
    ),
});

export const PatchConfig = z.strictObject({
  unreported: z
    .enum(['count', 'ignore'])
    .default('count')
    .describe(
      'A changed source file the coverage report does not list: count its added code lines as uncovered (count) or leave it out (ignore)',
    ),
  exclude: z.array(z.string()).default([]).describe('Globs of changed files never counted in patch coverage'),
  annotations: z
    .enum(['auto', 'on', 'off'])
    .default('auto')
    .describe(
      'Check-run notices on the changed lines no test ran: auto (only when the coverage.patch gate fails), on, or off',
    ),
});

export const Config = z
  .strictObject({
    _extends: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Base policy this file builds on: `repo`, `owner/repo` or `owner/repo:path.yml` (its default branch); the keys here are deep-merged over it',
      ),
    reports: z
      .strictObject({
        coverage: reportList.optional(),
        tests: reportList.optional(),
        audit: reportList.optional(),
        lint: reportList.optional(),
      })
      .default({})
      .describe('Report globs per signal, from the repository root'),
    levels: z
      .record(z.string(), LevelGates)
      .default({})
      .describe(
        'Readiness levels, lowest first; required unless the config is for roadmap sync only (just `roadmap:`)',
      ),
    require: z.string().optional().describe('Level a change must reach; default: the highest level'),
    branches: z.record(z.string(), z.string()).default({}).describe('Required level per target branch glob'),
    mode: z.enum(['enforce', 'warn']).default('enforce'),
    missing: z
      .enum(['fail', 'warn'])
      .default('fail')
      .describe('What a configured signal without a readable report does'),
    audit_ignore: z.array(AuditIgnore).default([]),
    paths: z
      .strictObject({ strip_prefixes: z.array(z.string()).default([]) })
      .default({ strip_prefixes: [] })
      .describe('Absolute prefixes to strip from report paths'),
    limits: z
      .strictObject({
        max_json_bytes: z.number().int().positive().optional(),
        max_failures: z.number().int().positive().optional(),
      })
      .default({}),
    patch: PatchConfig.default({ unreported: 'count', exclude: [], annotations: 'auto' }).describe(
      'How patch coverage treats changed files',
    ),
    roadmap: RoadmapConfig.optional(),
  })
  .superRefine((config, ctx) => {
    const names = Object.keys(config.levels);
    // A config with only `roadmap:` serves `readygate roadmap` alone: it gates nothing.
    if (names.length === 0 && !config.roadmap)
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: 'define at least one level (or only a `roadmap:` section, for roadmap sync alone)',
      });
    const check = (value: string | undefined, path: (string | number)[]) => {
      if (value !== undefined && !names.includes(value)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown level "${value}" (levels: ${names.join(', ')})` });
      }
    };
    check(config.require, ['require']);
    for (const [branch, level] of Object.entries(config.branches)) check(level, ['branches', branch]);
  });

export type Config = z.output<typeof Config>;
export type ConfigInput = z.input<typeof Config>;

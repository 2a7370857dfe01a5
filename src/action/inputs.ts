/**
 * The Action's inputs: one zod schema is the source of truth. Inputs are read by iterating the
 * schema's own keys, so an input cannot be declared and forgotten (a test also checks that
 * action.yml declares exactly these). Empty inputs mean "not set" and take the default.
 */
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';

const lines = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', 'True', 'False', 'TRUE', 'FALSE'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v.toLowerCase() === 'true'));

export const ActionInputs = z.strictObject({
  config: z.string().default('.github/readygate.yml').describe('Policy file path, read from the default branch'),
  coverage: lines.describe("Coverage report globs, one per line (replace the config's)"),
  tests: lines.describe('Test report globs'),
  audit: lines.describe('Dependency audit report globs'),
  lint: lines.describe('Lint report globs'),
  token: z.string({ error: 'is required: pass `token: ${{ github.token }}` (the default)' }).min(1),
  mode: z
    .enum(['check', 'publish', 'report'])
    .default('check')
    .describe(
      "check: evaluate reports here; publish: publish a fork PR's artifact from workflow_run; report: evaluate and upload the artifact, post nothing (the readygate App publishes)",
    ),
  'check-name': z.string().min(1).max(100).default('readygate'),
  annotations: z
    .union([z.enum(['on', 'off', 'true', 'false']), z.string().regex(/^\d+$/, 'on, off or a number')])
    .default('on')
    .transform((v) => (v === 'off' || v === 'false' ? 0 : v === 'on' || v === 'true' ? Infinity : Number(v))),
  'patch-annotations': z
    .enum(['auto', 'on', 'off'])
    .optional()
    .describe("Notices on changed lines no test ran: auto, on or off (default: the policy's patch.annotations)"),
  comment: z.enum(['always', 'on-failure', 'never']).default('always'),
  'fail-on': z.enum(['required-level', 'never']).default('required-level'),
  'badge-branch': z.string().optional(),
  'upload-report': bool(true),
  'working-directory': z.string().default('.'),
});
export type ActionInputs = z.output<typeof ActionInputs>;
export const INPUT_NAMES = Object.keys(ActionInputs.shape) as (keyof typeof ActionInputs.shape)[];

/** The runner's environment variable for an input (what @actions/core's getInput reads). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export function parseInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const raw: Partial<Record<(typeof INPUT_NAMES)[number], string>> = {};
  for (const name of INPUT_NAMES) {
    const value = env[inputEnvName(name)]?.trim();
    if (value) raw[name] = value;
  }
  const result = ActionInputs.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `input \`${i.path.join('.')}\`: ${i.message}`);
  throw new ConfigError(`invalid action input${issues.length === 1 ? '' : 's'}`, issues);
}

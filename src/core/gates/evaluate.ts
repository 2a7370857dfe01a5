/**
 * Turns signals and a policy into gate results, the highest level reached and the verdict.
 * A level is reached when its gates and every lower level's pass (skipped and warned gates do not
 * block). Report errors are gates of every level: a broken report never yields a pass.
 */
import picomatch from 'picomatch';
import type { Config } from '../../config/schema.js';
import type { GateResult, ReportErrorEntry, RoadmapData, Signal, SignalDataMap, Verdict } from '../model.js';
import { auditGates } from './audit.js';
import type { BaseSnapshot, GateContext } from './common.js';
import { coverageGates, type PatchInput } from './coverage.js';
import { lintGates } from './lint.js';
import { roadmapGates } from './roadmap.js';
import { testsGates } from './tests.js';

export interface EvaluateInput {
  config: Config;
  /** Target branch of the change, for `branches:`. */
  branch?: string;
  signals: Partial<SignalDataMap>;
  /** Signals that have reports configured (or found). */
  configured: ReadonlySet<Signal>;
  errors: readonly ReportErrorEntry[];
  base?: BaseSnapshot;
  patch: PatchInput;
  roadmap?: RoadmapData;
}

export interface Evaluation {
  verdict: Verdict;
  level: string | null;
  required: string;
  gates: GateResult[];
}

export function requiredLevel(config: Config, branch: string | undefined): string {
  const levels = Object.keys(config.levels);
  if (branch) {
    for (const [glob, level] of Object.entries(config.branches)) {
      if (picomatch(glob, { dot: true })(branch)) return level;
    }
  }
  return config.require ?? levels[levels.length - 1] ?? '';
}

export function evaluate(input: EvaluateInput): Evaluation {
  const { config } = input;
  const gates: GateResult[] = [];
  const why = (signal: Signal) => {
    if (!input.configured.has(signal)) return `no ${signal} report is configured (add reports.${signal})`;
    const errs = input.errors.filter((e) => e.signal === signal);
    return errs.length > 0
      ? `its report could not be read (${errs[0]!.path}: ${errs[0]!.message})`
      : 'no readable report';
  };

  for (const error of input.errors) {
    const status = config.missing === 'fail' ? 'fail' : 'warn';
    gates.push({
      id: `${error.signal}.report`,
      level: null,
      status,
      actual: null,
      threshold: null,
      message: `${error.path}${error.line ? `:${error.line}` : ''}: ${error.message}`,
    });
  }

  if (Object.keys(config.levels).length === 0)
    gates.push({
      id: 'policy.levels',
      level: null,
      status: 'fail',
      actual: null,
      threshold: null,
      message: 'the policy defines no readiness levels (a roadmap-only config): add `levels:` to gate changes',
    });
  for (const [level, def] of Object.entries(config.levels)) {
    const ctx: GateContext = { level, missing: config.missing, base: input.base };
    if (def.coverage)
      gates.push(...coverageGates(ctx, def.coverage, input.signals.coverage, input.patch, why('coverage')));
    if (def.tests) gates.push(...testsGates(ctx, def.tests, input.signals.tests, why('tests')));
    if (def.audit) gates.push(...auditGates(ctx, def.audit, input.signals.audit, why('audit')));
    if (def.lint) gates.push(...lintGates(ctx, def.lint, input.signals.lint, why('lint')));
    if (def.roadmap) {
      const list = Array.isArray(def.roadmap) ? def.roadmap : [def.roadmap];
      gates.push(...roadmapGates(ctx, list, input.roadmap, 'no roadmap files are configured (add roadmap.files)'));
    }
  }

  const required = requiredLevel(config, input.branch);
  const blocking = (g: GateResult) => g.status === 'fail';
  let reached: string | null = null;
  if (!gates.some((g) => g.level === null && blocking(g))) {
    for (const level of Object.keys(config.levels)) {
      if (gates.some((g) => g.level === level && blocking(g))) break;
      reached = level;
    }
  }
  const order = Object.keys(config.levels);
  const ok = reached !== null && order.indexOf(reached) >= order.indexOf(required);
  let verdict: Verdict = ok ? 'pass' : 'fail';
  if (config.mode === 'warn') {
    if (!ok) verdict = 'warn';
    for (const g of gates) if (g.status === 'fail') g.status = 'warn';
  }
  return { verdict, level: reached, required, gates };
}

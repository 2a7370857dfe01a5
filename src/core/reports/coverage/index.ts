/**
 * Coverage formats, in detection order (more specific first). Adding a format: one import, one line.
 * Every detect rule is exclusive on the fixtures (test/core/reports/coverage/detect.test.ts), so the
 * order only matters for files that no fixture resembles: Cobertura and Clover share the <coverage>
 * root and are told apart by its attributes (line-rate / lines-valid vs generated).
 */
import type { ReportParser } from '../types.js';
import { clover } from './clover.js';
import { cobertura } from './cobertura.js';
import { goCover } from './go-cover.js';
import { istanbulJson } from './istanbul-json.js';
import { istanbulSummary } from './istanbul-summary.js';
import { jacoco } from './jacoco.js';
import { lcov } from './lcov.js';
import { simplecov } from './simplecov.js';

export const coverageParsers: ReportParser<'coverage'>[] = [lcov, cobertura, clover, jacoco, istanbulJson, istanbulSummary, simplecov, goCover];

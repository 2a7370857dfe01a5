/** Coverage formats, in detection order (more specific first). Adding a format: one import, one line. */
import type { ReportParser } from '../types.js';
import { clover } from './clover.js';
import { cobertura } from './cobertura.js';
import { istanbulJson } from './istanbul-json.js';
import { istanbulSummary } from './istanbul-summary.js';
import { jacoco } from './jacoco.js';
import { lcov } from './lcov.js';

export const coverageParsers: ReportParser<'coverage'>[] = [lcov, cobertura, clover, jacoco, istanbulJson, istanbulSummary];

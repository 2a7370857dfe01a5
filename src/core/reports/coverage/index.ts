/** Coverage formats, in detection order (more specific first). Adding a format: one import, one line. */
import type { ReportParser } from '../types.js';
import { lcov } from './lcov.js';

export const coverageParsers: ReportParser<'coverage'>[] = [lcov];

/** Test-result formats, in detection order (more specific first). Adding a format: one import, one line. */
import type { ReportParser } from '../types.js';
import { junit } from './junit.js';

export const testsParsers: ReportParser<'tests'>[] = [junit];

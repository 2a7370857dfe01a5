/** Lint formats, in detection order (more specific first). Adding a format: one import, one line. */
import type { ReportParser } from '../types.js';
import { eslint } from './eslint.js';

export const lintParsers: ReportParser<'lint'>[] = [eslint];

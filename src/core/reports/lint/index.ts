/** Lint formats, in detection order (more specific first). Adding a format: one import, one line. */
import type { ReportParser } from '../types.js';
import { checkstyle } from './checkstyle.js';
import { compilerText } from './compiler-text.js';
import { eslint } from './eslint.js';
import { golangciLint } from './golangci-lint.js';
import { pylintJson } from './pylint-json.js';
import { ruffJson } from './ruff-json.js';
import { sarifLint } from './sarif.js';
import { shellcheckJson } from './shellcheck-json.js';

export const lintParsers: ReportParser<'lint'>[] = [eslint, sarifLint, checkstyle, pylintJson, ruffJson, shellcheckJson, golangciLint, compilerText];

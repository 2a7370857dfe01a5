/** Dependency-audit formats, in detection order (more specific first). Adding a format: one import, one line. */
import type { ReportParser } from '../types.js';
import { npmAudit } from './npm-audit.js';
import { osvScanner } from './osv-scanner.js';
import { pipAudit } from './pip-audit.js';
import { pnpmAudit } from './pnpm-audit.js';
import { sarifAudit } from './sarif.js';
import { yarnBerryAudit } from './yarn-berry.js';
import { yarnClassicAudit } from './yarn-classic.js';

export const auditParsers: ReportParser<'audit'>[] = [npmAudit, pnpmAudit, yarnClassicAudit, yarnBerryAudit, pipAudit, osvScanner, sarifAudit];

/** Dependency-audit formats, in detection order (more specific first). Adding a format: one import, one line. */
import type { ReportParser } from '../types.js';
import { npmAudit } from './npm-audit.js';

export const auditParsers: ReportParser<'audit'>[] = [npmAudit];

/** JSON Schemas generated from the zod schemas: the config (for editors) and the JSON report. */
import { z } from 'zod';
import { ReportV1 } from '../core/report-schema.js';
import { Config } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Config, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://readygate.dev/schema/readygate.schema.json',
    title: 'readygate readiness config (.github/readygate.yml)',
  };
}

export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ReportV1, { io: 'output', unrepresentable: 'any' }),
    $id: 'https://readygate.dev/schema/report.schema.json',
    title: 'readygate JSON report, version 1 (readygate/report@1)',
  };
}

export const SCHEMA_FILES = {
  'schema/readygate.schema.json': configJsonSchema,
  'schema/report.schema.json': reportJsonSchema,
} as const;

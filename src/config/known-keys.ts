/**
 * The keys a config accepts at a path, read from the zod schema itself, so "did you mean" can
 * never offer a key the schema refuses or miss one it accepts. Optional, default, transformed and
 * union schemas are looked through; records and arrays stand for any of their entries.
 *
 * @example knownKeys(Config, ['levels', 'beta', 'coverage']) // ['lines', 'branches', 'functions', 'max_drop', 'patch']
 */
import { z } from 'zod';

export function knownKeys(schema: z.core.$ZodType, path: readonly string[]): string[] {
  let here = inner(schema);
  for (const segment of path) here = here.flatMap((s) => child(s, segment)).flatMap(inner);
  return [...new Set(here.flatMap((s) => (s instanceof z.ZodObject ? Object.keys(s.shape) : [])))];
}

/** The schemas that decide what a value may look like under the wrappers around it. */
function inner(schema: z.core.$ZodType): z.core.$ZodType[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable)
    return inner(schema.unwrap());
  if (schema instanceof z.ZodPipe) return inner(schema.in);
  if (schema instanceof z.ZodUnion) return schema.options.flatMap(inner);
  return [schema];
}

function child(schema: z.core.$ZodType, segment: string): z.core.$ZodType[] {
  if (schema instanceof z.ZodObject) return Object.hasOwn(schema.shape, segment) ? [schema.shape[segment]] : [];
  if (schema instanceof z.ZodRecord) return [schema.valueType];
  if (schema instanceof z.ZodArray) return [schema.element];
  return [];
}

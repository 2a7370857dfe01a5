/**
 * zod's safeParse, stopping at the first issue. By default zod checks every element of an array and
 * keeps an issue for each: a 24 MB JSON report of 8 million `{}` where a format expects objects with
 * fields made 16 million issues and ran the process out of memory (issue 12), where only the first
 * is ever shown. With `abortEarly` (what zod's own `validate` passes) a container stops at its first
 * failing child, so a refusal costs no more than reading up to the first mismatch.
 */
import type { z } from 'zod';

/** The option as zod's parse context carries it (typed there as internal, read by every container). */
const FIRST_ISSUE = { abortEarly: true } as z.core.ParseContext<z.core.$ZodIssue>;

/** `schema.safeParse(value)` with at most the first issue. */
export function safeParseFirst<T>(schema: z.ZodType<T>, value: unknown): z.ZodSafeParseResult<T> {
  return schema.safeParse(value, FIRST_ISSUE);
}

/**
 * The part of SARIF 2.1.0 readygate reads, as zod schemas. Tools add many properties: they are
 * accepted and left out of the checked value (zod's default), which copies nothing it will not
 * read. Shared by the SARIF lint and audit parsers through `read.ts`.
 */
import { z } from 'zod';

const Text = z.object({ text: z.string().optional(), markdown: z.string().optional() });
export const Level = z.enum(['none', 'note', 'warning', 'error']);
export type Level = z.infer<typeof Level>;

/**
 * SARIF 2.1.0 writes -1 for "not set" in `index`, `parentIndex`, `length` and `rank` (the schema's
 * own default and minimum; osv-scanner writes it everywhere): read as absent. Below -1 is refused.
 */
const Index = z
  .number()
  .int()
  .min(-1)
  .transform((n) => (n === -1 ? undefined : n));

export const ArtifactLocation = z.object({
  uri: z.string().optional(),
  uriBaseId: z.string().optional(),
  index: Index.optional(),
});
const Region = z
  .object({
    startLine: z.number().int().optional(),
    startColumn: z.number().int().optional(),
    endLine: z.number().int().optional(),
    endColumn: z.number().int().optional(),
  })
  ;
export const Location = z
  .object({ physicalLocation: z.object({ artifactLocation: ArtifactLocation.optional(), region: Region.optional() }).optional() })
  ;
export type Location = z.infer<typeof Location>;

const Properties = z.record(z.string(), z.unknown());
export const Rule = z
  .object({
    id: z.string().optional(),
    name: z.string().optional(),
    shortDescription: Text.optional(),
    fullDescription: Text.optional(),
    help: Text.optional(),
    helpUri: z.string().optional(),
    defaultConfiguration: z.object({ level: Level.optional() }).optional(),
    messageStrings: z.record(z.string(), Text).optional(),
    properties: Properties.optional(),
  })
  ;
export type Rule = z.infer<typeof Rule>;

const Component = z.object({ name: z.string().optional(), rules: z.array(Rule).optional() });
const Message = z.object({ text: z.string().optional(), markdown: z.string().optional(), id: z.string().optional(), arguments: z.array(z.string()).optional() });
export type Message = z.infer<typeof Message>;

export const Result = z
  .object({
    ruleId: z.string().optional(),
    ruleIndex: Index.optional(),
    rule: z
      .object({
        id: z.string().optional(),
        index: Index.optional(),
        toolComponent: z.object({ index: Index.optional() }).optional(),
      })
      .optional(),
    kind: z.string().optional(),
    level: Level.optional(),
    message: Message,
    locations: z.array(Location).optional(),
    suppressions: z.array(z.object({ kind: z.string().optional(), status: z.string().optional() })).optional(),
    baselineState: z.string().optional(),
    properties: Properties.optional(),
  })
  ;
export type Result = z.infer<typeof Result>;

const Notification = z
  .object({ level: Level.optional(), message: Message, locations: z.array(Location).optional(), descriptor: z.object({ id: z.string().optional() }).optional() })
  ;
export type Notification = z.infer<typeof Notification>;

const Invocation = z.object({
  executionSuccessful: z.boolean().optional(),
  exitCode: z.number().int().optional(),
  exitCodeDescription: z.string().optional(),
  exitSignalName: z.string().optional(),
  toolExecutionNotifications: z.array(Notification).optional(),
  toolConfigurationNotifications: z.array(Notification).optional(),
});
export type Invocation = z.infer<typeof Invocation>;

const UriBase = z.object({ uri: z.string().optional(), uriBaseId: z.string().optional() });
/**
 * A run with its results left unchecked: read.ts checks each result as it reads it, so the log is
 * never held twice (as parsed and as checked) and each raw result can be freed once read. On a
 * log of 100,000 results that is ~15% of the time and ~40 MB of peak memory.
 */
export const Run = z
  .object({
    tool: z.object({ driver: Component, extensions: z.array(Component).optional() }),
    results: z.array(z.unknown()).nullable().optional(),
    artifacts: z.array(z.object({ location: ArtifactLocation.optional() })).optional(),
    originalUriBaseIds: z.record(z.string(), UriBase).optional(),
    invocations: z.array(Invocation).optional(),
  })
  ;
export type Run = z.infer<typeof Run>;

export const Log = z.object({ version: z.string().optional(), runs: z.array(Run) });

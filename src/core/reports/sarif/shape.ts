/**
 * The part of SARIF 2.1.0 readygate reads, as zod schemas (loose: tools add many properties).
 * Shared by the SARIF lint and audit parsers through `read.ts`.
 */
import { z } from 'zod';

const Text = z.object({ text: z.string().optional(), markdown: z.string().optional() }).loose();
export const Level = z.enum(['none', 'note', 'warning', 'error']);
export type Level = z.infer<typeof Level>;

export const ArtifactLocation = z
  .object({ uri: z.string().optional(), uriBaseId: z.string().optional(), index: z.number().int().min(0).optional() })
  .loose();
const Region = z
  .object({
    startLine: z.number().int().optional(),
    startColumn: z.number().int().optional(),
    endLine: z.number().int().optional(),
    endColumn: z.number().int().optional(),
  })
  .loose();
export const Location = z
  .object({ physicalLocation: z.object({ artifactLocation: ArtifactLocation.optional(), region: Region.optional() }).loose().optional() })
  .loose();
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
    defaultConfiguration: z.object({ level: Level.optional() }).loose().optional(),
    messageStrings: z.record(z.string(), Text).optional(),
    properties: Properties.optional(),
  })
  .loose();
export type Rule = z.infer<typeof Rule>;

const Component = z.object({ name: z.string().optional(), rules: z.array(Rule).optional() }).loose();
const Message = z.object({ text: z.string().optional(), markdown: z.string().optional(), id: z.string().optional(), arguments: z.array(z.string()).optional() }).loose();
export type Message = z.infer<typeof Message>;

export const Result = z
  .object({
    ruleId: z.string().optional(),
    ruleIndex: z.number().int().optional(),
    rule: z.object({ id: z.string().optional(), index: z.number().int().optional(), toolComponent: z.object({ index: z.number().int().optional() }).loose().optional() }).loose().optional(),
    kind: z.string().optional(),
    level: Level.optional(),
    message: Message,
    locations: z.array(Location).optional(),
    suppressions: z.array(z.object({ kind: z.string().optional(), status: z.string().optional() }).loose()).optional(),
    baselineState: z.string().optional(),
    properties: Properties.optional(),
  })
  .loose();
export type Result = z.infer<typeof Result>;

const Notification = z
  .object({ level: Level.optional(), message: Message, locations: z.array(Location).optional(), descriptor: z.object({ id: z.string().optional() }).loose().optional() })
  .loose();
export type Notification = z.infer<typeof Notification>;

const UriBase = z.object({ uri: z.string().optional(), uriBaseId: z.string().optional() }).loose();
export const Run = z
  .object({
    tool: z.object({ driver: Component, extensions: z.array(Component).optional() }).loose(),
    results: z.array(Result).nullable().optional(),
    artifacts: z.array(z.object({ location: ArtifactLocation.optional() }).loose()).optional(),
    originalUriBaseIds: z.record(z.string(), UriBase).optional(),
    invocations: z
      .array(z.object({ toolExecutionNotifications: z.array(Notification).optional(), toolConfigurationNotifications: z.array(Notification).optional() }).loose())
      .optional(),
  })
  .loose();
export type Run = z.infer<typeof Run>;

export const Log = z.object({ version: z.string().optional(), runs: z.array(Run) }).loose();

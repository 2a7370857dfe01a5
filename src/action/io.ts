/**
 * The Action's side effects on the runner, behind one interface so the runner and its stages are
 * tested with a fake and `@actions/core` appears only in `coreIO`. Report text is never written
 * raw: `info` neutralises workflow commands (see core/render/safe-log.ts).
 */
import * as core from '@actions/core';
import { safeLines } from '../core/render/safe-log.js';

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface CommandAnnotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface ActionIO {
  /** A log line (or several); text from reports is safe here. */
  info(text: string): void;
  warning(text: string): void;
  /** A workflow-command annotation (the runner caps these at 10 per level per step). */
  annotate(annotation: CommandAnnotation): void;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

export function coreIO(): ActionIO {
  return {
    info: (text) => {
      for (const line of safeLines(text)) core.info(line);
    },
    warning: (text) => core.warning(text),
    annotate: ({ level, message, ...props }) => {
      const properties = {
        title: props.title,
        file: props.file,
        startLine: props.startLine,
        endLine: props.endLine,
        startColumn: props.startColumn,
        endColumn: props.endColumn,
      };
      if (level === 'failure') core.error(message, properties);
      else if (level === 'warning') core.warning(message, properties);
      else core.notice(message, properties);
    },
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    setFailed: (message) => core.setFailed(message),
  };
}

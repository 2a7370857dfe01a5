/** Policy fixture files and the contents-API answer that serves them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/policies');

export const policyFile = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');

export const fileReply = (text: string) => ({
  type: 'file',
  encoding: 'base64',
  size: Buffer.byteLength(text),
  content: Buffer.from(text).toString('base64'),
});

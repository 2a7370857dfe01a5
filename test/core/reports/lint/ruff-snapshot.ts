/** ruff fixtures are ruff's insta snapshots: the JSON its emitter wrote follows the `---` header. */
import { readFileSync } from 'node:fs';
import { FIXTURES } from '../../../helpers/parse.js';

export function ruffSnapshotBody(file: string): string {
  return readFileSync(`${FIXTURES}${file}`, 'utf8').split('---\n').slice(2).join('---\n');
}

/** Test-result formats, in detection order (more specific first). Adding a format: one import, one line. */
import type { ReportParser } from '../types.js';
import { ctrf } from './ctrf.js';
import { goTestJson } from './go-test-json.js';
import { jestJson } from './jest-json.js';
import { junit } from './junit.js';
import { libtestJson } from './libtest-json.js';
import { mochaJson } from './mocha-json.js';
import { nunit } from './nunit.js';
import { rspecJson } from './rspec-json.js';
import { tap } from './tap.js';
import { trx } from './trx.js';
import { xunitNet } from './xunit-net.js';

export const testsParsers: ReportParser<'tests'>[] = [junit, trx, nunit, xunitNet, jestJson, mochaJson, rspecJson, ctrf, goTestJson, libtestJson, tap];

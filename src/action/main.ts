// The Action's entry point (bundled to dist/index.js): the real environment, the real runner I/O.
import { coreIO } from './io.js';
import { runAction } from './runner.js';

await runAction({ env: process.env, io: coreIO(), cwd: process.cwd() });

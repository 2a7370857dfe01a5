#!/usr/bin/env node
// Runs the compiled CLI (npm run build). In a checkout, `npm run cli -- <args>` runs the source.
import '../build/cli/run.js';

#!/usr/bin/env node
// Runs the bundled CLI (npm run build). In a checkout, `npm run cli -- <args>` runs the source.
import '../build/cli-bundle/run.js';

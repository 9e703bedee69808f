#!/usr/bin/env node
// V8's compiled code is kept between runs (in the system's temporary folder, as npm and tsc
// keep theirs): each run loads some 400 modules, zod's alone ~250, and starts ~30 ms sooner.
// (Optional: a Node too old to have it still gets as far as the command's own check, which says
// which Node it needs.)
import nodeModule from 'node:module';

nodeModule.enableCompileCache?.();
await import('../dist/main.js');

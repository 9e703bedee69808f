#!/usr/bin/env node
// Inside the repository the TypeScript sources run as they are (no build step, through tsx and the
// briefing-source export condition); an installed package runs its built dist/.
import { existsSync } from 'node:fs';
import { enableCompileCache, register } from 'node:module';

// V8's compiled code is kept between runs (in the system's temporary folder, as npm and tsc
// keep theirs): each run loads some 400 modules, zod's alone ~250, and starts sooner.
enableCompileCache();

const source = new URL('../src/cli.ts', import.meta.url);
if (existsSync(source)) {
  const conditions = `export function resolve(specifier, context, next) {
    return next(specifier, { ...context, conditions: [...context.conditions, 'briefing-source'] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(conditions)}`);
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(source.href);
} else {
  await import('../dist/cli.js');
}

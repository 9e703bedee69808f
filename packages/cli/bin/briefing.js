#!/usr/bin/env node
// Inside the repository the TypeScript sources run as they are (no build step, through tsx and the
// briefing-source export condition); an installed package runs its built dist/.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

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

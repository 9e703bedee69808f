#!/usr/bin/env node
// Inside the repository the TypeScript sources run as they are (no build step, through tsx and the
// briefing-source export condition); an installed package runs its built dist/.
import { existsSync } from 'node:fs';
// The module object, not named imports: a Node too old to have one of these must still get as
// far as the command's own check, which says which Node it needs.
import nodeModule from 'node:module';

// V8's compiled code is kept between runs (in the system's temporary folder, as npm and tsc
// keep theirs): each run loads some 400 modules, zod's alone ~250, and starts sooner.
nodeModule.enableCompileCache?.();

const source = new URL('../src/cli.ts', import.meta.url);
if (existsSync(source)) {
  if (nodeModule.registerHooks !== undefined) {
    // On this thread: a hook on the loader's thread costs a message for every module resolved
    // (briefing --help took 1.1 s that way, 0.65 s so).
    nodeModule.registerHooks({
      resolve: (specifier, context, next) =>
        next(specifier, { ...context, conditions: [...context.conditions, 'briefing-source'] }),
    });
  } else {
    const hook = `export function resolve(specifier, context, next) {
      return next(specifier, { ...context, conditions: [...context.conditions, 'briefing-source'] });
    }`;
    nodeModule.register(`data:text/javascript,${encodeURIComponent(hook)}`);
  }
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(source.href);
} else {
  await import('../dist/cli.js');
}

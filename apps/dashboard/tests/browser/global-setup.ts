import type { TestProject } from 'vitest/node';
import { assertChromium } from './chromium.js';
import { startServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One built server on an ephemeral port for every browser test file. */
export default async function setup(project: TestProject) {
  assertChromium();
  const server = await startServer();
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
  };
}

import { expect, it } from 'vitest';
import { codeFingerprint } from './code-fingerprint.js';

it('is the same for the same code within a process, and names it in a URL-safe hash', () => {
  const first = codeFingerprint();
  expect(first).toMatch(/^[A-Za-z0-9_-]{27}$/);
  expect(codeFingerprint()).toBe(first);
});

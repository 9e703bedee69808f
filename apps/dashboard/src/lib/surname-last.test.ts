import { describe, expect, it } from 'vitest';
import { putsSurnameLast } from './surname-last.js';

describe('putsSurnameLast', () => {
  it('knows the people whose surname ends their name, and no one else', () => {
    expect(putsSurnameLast('Konstantin Pulikovsky')).toBe(true);
    expect(putsSurnameLast('Valentina Matviyenko')).toBe(true);
    // Family name first.
    expect(putsSurnameLast('Kim Jong Un')).toBe(false);
    expect(putsSurnameLast('Kong Xuanyou')).toBe(false);
    // A body, and a name the gazetteer does not know.
    expect(putsSurnameLast('Russian Foreign Ministry')).toBe(false);
    expect(putsSurnameLast('Someone Unknown')).toBe(false);
  });
});

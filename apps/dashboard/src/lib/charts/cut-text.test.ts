import { describe, expect, it } from 'vitest';
import { cutAfterWord } from './cut-text.js';

describe('cutAfterWord', () => {
  it('keeps text that fits, and cuts longer text after its last whole word, with an ellipsis', () => {
    expect(cutAfterWord('Lavrov visits Pyongyang', 30)).toBe('Lavrov visits Pyongyang');
    const title = 'Kim Jong Il receives Moscow Mayor Yury Luzhkov in Pyongyang';
    expect(cutAfterWord(title, 19)).toBe('Kim Jong Il…');
    expect(cutAfterWord(title, 21)).toBe('Kim Jong Il receives…');
  });

  it('leaves no punctuation before the ellipsis', () => {
    expect(cutAfterWord('Putin, Kim and Xi meet', 12)).toBe('Putin, Kim…');
    expect(cutAfterWord('Putin, Kim and Xi meet', 8)).toBe('Putin…');
  });

  it('gives nothing when whole words would fill less than half the room', () => {
    expect(cutAfterWord('Intergovernmental commission meets', 12)).toBeUndefined();
    expect(cutAfterWord('Kim Jong-un’s delegation arrives', 12)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { detectStatus, tenseOf } from './detect-status.js';

describe('detectStatus', () => {
  it.each([
    ['Lavrov plans a visit to Pyongyang on the 18th.', '', 'planned'],
    [
      'Lavrov plans a visit to Pyongyang on the 18th.',
      'The announcement was issued by the ministry.',
      'announced',
    ],
    ['The ministry announced that Lavrov will visit Pyongyang.', '', 'announced'],
    ['Lavrov is to visit Pyongyang.', '', 'planned'],
    ['The forthcoming visit will open a new chapter.', '', 'planned'],
    ['The visit, scheduled for 10 March, has been postponed.', '', 'postponed'],
    ['The planned trip was called off.', '', 'cancelled'],
    ['Kim Jong-un met with Vladimir Putin.', 'He will return next year.', 'occurred'],
  ])('reads %j (context %j) as %s', (text, context, status) => {
    expect(detectStatus({ text, context }).status).toBe(status);
  });
});

describe('tenseOf', () => {
  it.each([
    ['Lavrov will visit Pyongyang.', 'future'],
    ['Lavrov visited Pyongyang.', 'past'],
    ['The visit was postponed.', 'unknown'],
  ] as const)('reads %j as %s', (text, tense) => {
    expect(tenseOf({ text })).toBe(tense);
  });
});

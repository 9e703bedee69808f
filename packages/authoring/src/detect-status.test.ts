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
    [
      'Sergei Lavrov visited Pyongyang on October 18-19 to hold talks with Choe Son Hui.',
      '',
      'occurred',
    ],
    ['Andrei Belousov met Kim Jong Un; they discussed a five-year plan.', '', 'occurred'],
    ['Lavrov and Choe Son Hui signed a plan of exchanges.', '', 'occurred'],
    ['Alexander Kozlov signed a protocol on 15 November that will expand trade.', '', 'occurred'],
    ['Lavrov plans to visit Pyongyang.', '', 'planned'],
    [
      "Kim Jong Un's train, delayed by heavy rain, arrived in Khasan on 11 September.",
      '',
      'occurred',
    ],
    ['The visit was delayed by a month.', '', 'postponed'],
    ['Lavrov, who visited Seoul last year, is to visit Pyongyang.', '', 'planned'],
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

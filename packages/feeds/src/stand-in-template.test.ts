import { describe, expect, it } from 'vitest';
import { cutAtStandIns, fillTemplate } from './stand-in-template.js';

describe('a text cut at its stand-ins', () => {
  const standIns = { name: 'zqxName', day: '19030303' };

  it('is filled back with each slot’s text, wherever and however often a stand-in occurs', () => {
    const template = cutAtStandIns({
      rendered: 'A zqxName on 19030303, zqxName again.',
      standIns,
      leftovers: ['zqx', '1903'],
    })!;
    expect(template.slots).toEqual(['name', 'day', 'name']);
    const values = { name: 'Lavrov $& $1', day: '20231018' };
    expect(fillTemplate(template, (slot) => values[slot])).toBe(
      'A Lavrov $& $1 on 20231018, Lavrov $& $1 again.',
    );
  });

  it('is refused when a stand-in was written in a form not looked for', () => {
    expect(
      cutAtStandIns({ rendered: 'On 1903-03-03: zqxName', standIns, leftovers: ['zqx', '1903'] }),
    ).toBeUndefined();
    expect(
      cutAtStandIns({ rendered: 'ZQXNAME zqxName', standIns, leftovers: ['ZQX'] }),
    ).toBeUndefined();
  });
});

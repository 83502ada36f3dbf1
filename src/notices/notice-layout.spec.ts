import { ColophonPlacement, FlowMeasure, placeColophon } from './notice-layout';

describe('placeColophon: the distribution record on an even last page, its last rule on the bottom edge', () => {
  const cases: [string, FlowMeasure, ColophonPlacement][] = [
    ['a letter without 抄送 has none', { pages: 1, usedMm: 100, colophonMm: null }, { kind: 'none' }],
    ['body ending on page 1 (odd): the record alone on page 2', { pages: 1, usedMm: 60, colophonMm: 20 }, { kind: 'next-page' }],
    ['body ending on page 3 (odd), however short', { pages: 3, usedMm: 10, colophonMm: 20 }, { kind: 'next-page' }],
    ['body ending on page 2 with room: at its foot', { pages: 2, usedMm: 100, colophonMm: 20 }, { kind: 'same-page', spacerMm: 225 - 0.2 - 100 - 20 }],
    ['room for it and exactly the least gap', { pages: 2, usedMm: 200.8, colophonMm: 20 }, { kind: 'same-page', spacerMm: 4 }],
    ['on an even page without room: after a blank page', { pages: 2, usedMm: 201, colophonMm: 20 }, { kind: 'after-blank-page' }],
    ['page 4 full to the bottom', { pages: 4, usedMm: 225, colophonMm: 16 }, { kind: 'after-blank-page' }],
  ];

  it.each(cases)('%s', (_, measure, expected) => {
    const placed = placeColophon(measure);
    if (expected.kind === 'same-page' && placed.kind === 'same-page') expect(placed.spacerMm).toBeCloseTo(expected.spacerMm, 6);
    else expect(placed).toEqual(expected);
  });
});

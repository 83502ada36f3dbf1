import { COLLECT_EVERY, collectsGarbage, recycleReason } from './render-recycling';

describe('when a page collects its garbage', () => {
  it.each([
    [1, false],
    [COLLECT_EVERY - 1, false],
    [COLLECT_EVERY, true],
    [COLLECT_EVERY + 1, false],
    [COLLECT_EVERY * 7, true],
  ])('after render %i: %s', (renders, expected) => {
    expect(collectsGarbage(renders)).toBe(expected);
  });
});

describe('when a browser is replaced', () => {
  const limits = { recycleAfter: 3, browserMaxMb: 512 };

  it.each([
    // Memory not read this time: only the renders count.
    [{ renders: 1, privateMb: null }, null],
    [{ renders: 2, privateMb: 511 }, null],
    [{ renders: 2, privateMb: 512 }, null],
    [{ renders: 2, privateMb: 513 }, 'memory'],
    [{ renders: 3, privateMb: null }, 'renders'],
    [{ renders: 3, privateMb: 100 }, 'renders'],
    // Both: its share of renders is the reason given (it is reached first, when the render is handed out).
    [{ renders: 4, privateMb: 900 }, 'renders'],
  ] as const)('%j → %s', (use, expected) => {
    expect(recycleReason(use, limits)).toBe(expected);
  });
});

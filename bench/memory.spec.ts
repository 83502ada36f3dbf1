import { FLAT_TOLERANCE, memoryTrend } from './memory';

/** Node + Chromium, MB, every 250 of 5,000 renders (npm run bench:pdf -- --soak 5000, two pages). */
const SOAKS = {
  /** The renderer collecting its pages' garbage, the browser replaced every 500 renders (the last reading during a replacement). */
  collected: [631, 821, 802, 845, 819, 860, 840, 800, 777, 810, 781, 802, 781, 813, 781, 815, 795, 841, 801, 815, 656],
  /** The same, one browser throughout. */
  'collected, one browser': [628, 812, 815, 825, 807, 813, 809, 818, 811, 810, 810, 809, 813, 822, 795, 805, 817, 811, 819, 817, 806],
  /** Before: pages reused without collection, the browser replaced every 500 renders. */
  'replaced every 500': [718, 984, 321, 974, 292, 980, 994, 1029, 1043, 1017, 1034, 982, 1000, 978, 991, 1020, 1046, 972, 1004, 1025, 1034],
  /** Before, one browser throughout: a run whose growth stopped by the second half… */
  'one browser, levelled': [717, 966, 986, 1010, 1034, 1046, 1070, 1073, 1096, 1114, 1134, 1145, 1119, 1117, 1110, 1118, 1113, 1108, 1100, 1107, 1108],
  /** …and one where it went on. */
  'one browser, growing': [719, 979, 1010, 1037, 1062, 1084, 1130, 1149, 1066, 1135, 1163, 1182, 1212, 1235, 1265, 1282, 1341, 1343, 1319, 1310, 1311],
};

describe('whether memory stayed flat over the second half of a soak', () => {
  it.each([
    ['collected', true],
    ['collected, one browser', true],
    ['replaced every 500', true],
    ['one browser, levelled', true],
    ['one browser, growing', false],
  ] as const)('judges the soak "%s" flat: %s', (soak, flat) => {
    expect(memoryTrend(SOAKS[soak], FLAT_TOLERANCE).flat).toBe(flat);
  });

  // 9 samples (0, 250, … 2,000 renders): the third quarter is indexes 4–5 (1,000 and 1,250), the last 6–8.
  it('compares the means of the third and the last quarter, allowing the tolerance of the third', () => {
    expect(memoryTrend([700, 800, 900, 950, 1000, 1000, 1100, 1100, 1100], 0.1)).toEqual({ thirdQuarterMeanMb: 1000, lastQuarterMeanMb: 1100, allowanceMb: 100, flat: true });
    expect(memoryTrend([700, 800, 900, 950, 1000, 1000, 1100, 1100, 1103], 0.1)).toMatchObject({ lastQuarterMeanMb: 1101, flat: false });
    expect(memoryTrend([700, 900, 950, 1000, 1000, 1000, 900, 850, 800], 0.1).flat).toBe(true);
  });

  it('catches a steady leak too small to see from one sample to the next', () => {
    const leak = Array.from({ length: 21 }, (_, i) => Math.round(700 * 1.02 ** i));
    expect(memoryTrend(leak, FLAT_TOLERANCE).flat).toBe(false);
  });

  it('needs a sample in each quarter of the second half', () => {
    expect(() => memoryTrend([700, 800], 0.1)).toThrow('2 个采样');
    expect(memoryTrend([700, 800, 900], 0.1)).toMatchObject({ thirdQuarterMeanMb: 800, lastQuarterMeanMb: 900 });
  });
});

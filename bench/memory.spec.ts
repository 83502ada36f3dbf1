import { memoryTrend } from './memory';

describe('whether memory stayed flat over the second half of a soak', () => {
  // Samples at 0, 250, … 2,000 renders: the third quarter is 1,000–1,250 (indexes 4–5), the last 1,500–2,000 (6–8).
  it('is flat when a saw-tooth peaks as high in the last quarter as in the third', () => {
    expect(memoryTrend([700, 980, 300, 970, 990, 310, 985, 320, 1000], 0.1)).toEqual({ thirdQuarterMaxMb: 990, lastQuarterMaxMb: 1000, allowanceMb: 99, flat: true });
  });

  it('is flat when memory falls, and up to the tolerance above the third quarter', () => {
    expect(memoryTrend([700, 900, 950, 1000, 1000, 1000, 900, 850, 800], 0.1).flat).toBe(true);
    expect(memoryTrend([700, 800, 900, 950, 1000, 1000, 1050, 1100, 1100], 0.1).flat).toBe(true);
  });

  it('grows when the last quarter peaks more than the tolerance above the third', () => {
    expect(memoryTrend([700, 800, 900, 950, 1000, 1000, 1050, 1100, 1101], 0.1)).toMatchObject({ lastQuarterMaxMb: 1101, allowanceMb: 100, flat: false });
    // A steady leak of 3% a sample: below the tolerance from one sample to the next, caught across quarters.
    const leak = Array.from({ length: 21 }, (_, i) => Math.round(700 * 1.03 ** i));
    expect(memoryTrend(leak, 0.1).flat).toBe(false);
  });

  it('needs a sample in each quarter of the second half', () => {
    expect(() => memoryTrend([700, 800], 0.1)).toThrow('2 个采样');
    expect(memoryTrend([700, 800, 900], 0.1)).toMatchObject({ thirdQuarterMaxMb: 800, lastQuarterMaxMb: 900 });
  });
});

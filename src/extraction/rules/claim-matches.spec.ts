import { claimMatches } from './claim-matches';

describe('claimMatches', () => {
  const patterns = [{ regex: /10月底前/g, name: 'month end' }, { regex: /年底前|底前/g, name: 'year end' }];

  it('lets an earlier pattern claim its characters, and returns the matches in text order', () => {
    const found = claimMatches('年底前完成，10月底前启动', patterns, (_m, p) => ({ name: p.name }), false);
    expect(found).toEqual([
      { name: 'year end', text: '年底前', index: 0 },
      { name: 'month end', text: '10月底前', index: 6 },
    ]);
  });

  it('lets a match that reads as nothing claim its characters only when asked', () => {
    const read = (_m: RegExpExecArray, p: { name: string }) => (p.name === 'month end' ? null : { name: p.name });
    expect(claimMatches('10月底前启动', patterns, read, true)).toEqual([]);
    expect(claimMatches('10月底前启动', patterns, read, false)).toEqual([{ name: 'year end', text: '底前', index: 3 }]);
  });
});

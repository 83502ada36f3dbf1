import { segmentText } from './text-spans';

describe('segmentText: a text cut for marking its spans', () => {
  it('leaves a text without spans whole', () => {
    expect(segmentText('会议要求。', [])).toEqual([{ text: '会议要求。', anchors: [], marks: [] }]);
  });

  it('marks one span between plain text, its anchor where it begins', () => {
    expect(segmentText('一、甲。乙。', [{ id: 'p-1', start: 2, end: 4 }])).toEqual([
      { text: '一、', anchors: [], marks: [] },
      { text: '甲。', anchors: ['p-1'], marks: ['p-1'] },
      { text: '乙。', anchors: [], marks: [] },
    ]);
  });

  it('gives two tasks of one sentence one mark with both anchors', () => {
    expect(segmentText('甲乙。', [{ id: 'p-1', start: 0, end: 3 }, { id: 'p-2', start: 0, end: 3 }])).toEqual([{ text: '甲乙。', anchors: ['p-1', 'p-2'], marks: ['p-1', 'p-2'] }]);
  });

  it('cuts overlapping spans where each begins and ends', () => {
    expect(segmentText('abcdef', [{ id: 'x', start: 0, end: 4 }, { id: 'y', start: 2, end: 6 }]).map((s) => [s.text, s.anchors, s.marks])).toEqual([
      ['ab', ['x'], ['x']],
      ['cd', ['y'], ['x', 'y']],
      ['ef', [], ['y']],
    ]);
  });

  it.each([
    ['past the end', { id: 'z', start: 2, end: 99 }],
    ['empty', { id: 'z', start: 1, end: 1 }],
    ['backwards', { id: 'z', start: 2, end: 1 }],
    ['before the start', { id: 'z', start: -1, end: 1 }],
  ])('leaves out a span %s', (_case, span) => {
    expect(segmentText('abc', [span])).toEqual([{ text: 'abc', anchors: [], marks: [] }]);
  });

  it('keeps every character, in order', () => {
    const text = '一、甲要求。（一）乙。丙。';
    const segments = segmentText(text, [{ id: 'a', start: 2, end: 6 }, { id: 'b', start: 9, end: 11 }, { id: 'c', start: 3, end: 10 }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});

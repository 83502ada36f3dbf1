import { documentTerms, foundInTitle, prefixEnd, TERM_MAX_LENGTH, textQuery } from './search-terms';

describe('documentTerms', () => {
  it.each([
    ['a Chinese title: overlapping pairs and the last character', ['国家反诈中心'], ['国家', '家反', '反诈', '诈中', '中心', '心']],
    ['one character alone', ['村'], ['村']],
    ['a code: the whole and each tail from a joiner, lower case', ['DB-2026-0007'], ['db-2026-0007', '2026-0007', '0007']],
    ['letters beside Chinese: a word, and a term with the character each side', ['中心APP安装'], ['中心', '心', 'app', '心app', '安装', '装', 'app安']],
    ['a year before Chinese, and every tail of a joined word', ['2026年度 v1.2版'], ['2026', '年度', '度', '2026年', 'v1-2', '2', '版', 'v1-2版', '2版']],
    ['full-width letters, digits, space and punctuation fold to the usual ones', ['ＡＰＰ　安装，９６１１０'], ['app', '安装', '装', '96110']],
    ['punctuation and spaces separate runs: no pair across them', ['反诈、宣传 月'], ['反诈', '诈', '宣传', '传', '月']],
    ['joiners spelt alike, only between word characters', ['GB/T 9704.2012 v1_2 a--b -x-'], ['gb-t', 't', '9704-2012', '2012', 'v1-2', '2', 'a', 'b', 'x']],
    ['a repeated term once, over all texts', ['反诈反诈', 'DB-2026-0001'], ['反诈', '诈反', '诈', 'db-2026-0001', '2026-0001', '0001']],
    ['characters outside the BMP count as one', ['𠮷溪𡈼镇'], ['𠮷溪', '溪𡈼', '𡈼镇', '镇']],
    ['Japanese kana pair like Chinese; other scripts are words', ['カナ café Ωμέγα'], ['カナ', 'ナ', 'café', 'ωμέγα']],
    ['nothing searchable', ['，。！ —— ……'], []],
  ])('%s', (_, texts, expected) => {
    expect(documentTerms(...texts)).toEqual(expected);
  });

  it('stores a long word by its beginning', () => {
    const word = 'x'.repeat(50);
    expect(documentTerms(word)).toEqual(['x'.repeat(TERM_MAX_LENGTH)]);
  });
});

describe('textQuery', () => {
  it.each([
    ['a Chinese word: its pairs, exact', '反诈', { terms: ['反诈'], prefixes: [], phrases: [] }],
    ['a longer run: its pairs, and the run itself checked in the title', '反诈宣传', { terms: ['反诈', '诈宣', '宣传'], prefixes: [], phrases: ['反诈宣传'] }],
    ['one character: the beginning of a term', '诈', { terms: [], prefixes: ['诈'], phrases: [] }],
    ['part of a code: the beginning of a word', '2026-0007', { terms: [], prefixes: ['2026-0007'], phrases: [] }],
    ['a code typed in full width and lower case', 'ｄｂ－２０２６', { terms: [], prefixes: ['db-2026'], phrases: [] }],
    ['words and runs apart: all of them', 'APP 安装 率', { terms: ['安装'], prefixes: ['app', '率'], phrases: [] }],
    ['a word before Chinese: whole, with the character it touches', '2026年', { terms: ['2026年'], prefixes: [], phrases: [] }],
    ['a word after Chinese: with the character it touches, and it may go on', '中心AP', { terms: ['中心'], prefixes: ['心ap'], phrases: [] }],
    ['a word between runs', '中心APP安装率', { terms: ['中心', '心app', 'app安', '安装', '装率'], prefixes: [], phrases: ['安装率'] }],
    ['a joiner at either end separates', '-0007-', { terms: [], prefixes: ['0007'], phrases: [] }],
    ['repeated pairs once', '反诈反诈', { terms: ['反诈', '诈反'], prefixes: [], phrases: ['反诈反诈'] }],
    ['nothing searchable: nothing asked', '%_，', { terms: [], prefixes: [], phrases: [] }],
  ])('%s', (_, q, expected) => {
    expect(textQuery(q)).toEqual(expected);
  });

  it('asks only for what the title and code were indexed by', () => {
    const stored = new Set(documentTerms('2026年东湖街道开展反诈宣传进社区APP推广活动', 'DB-2026-0007'));
    for (const q of ['反诈宣传', '推广活动', '东湖', 'DB-2026-0007', '２０２６－０００７', '2026年东湖', '社区APP推广', '社区ap', '年']) {
      const query = textQuery(q);
      expect(query.terms.length + query.prefixes.length).toBeGreaterThan(0);
      expect(query.terms.filter((term) => !stored.has(term))).toEqual([]);
      expect(query.prefixes.filter((prefix) => ![...stored].some((term) => term.startsWith(prefix)))).toEqual([]);
    }
  });

  it.each([
    ['a year in the code, another in the title', '2026年', '2025年工作要点'],
    ['a word and a run apart', 'APP安装', 'APP推广与安装'],
    ['two words apart', '社区活动', '社区APP推广活动'],
  ])('asks for a term the directive does not have when %s', (_, q, title) => {
    const stored = new Set(documentTerms(title, 'DB-2026-0001'));
    expect(textQuery(q).terms.filter((term) => !stored.has(term))).not.toEqual([]);
  });
});

describe('foundInTitle', () => {
  it.each([
    ['a pair of Chinese characters', '反诈', true],
    ['one character', '诈', true],
    ['kana', 'カナ', true],
    ['a word, which normalising may have changed', 'app', false],
    ['a word with the character it touches', '2026年', false],
    ['a code', 'db-2026-0007', false],
  ])('%s: %s', (_, term, expected) => {
    expect(foundInTitle(term)).toBe(expected);
  });
});

describe('prefixEnd', () => {
  it.each([
    ['the next code point', '反', '\u53ce'],
    ['a word: its last letter moved on', 'app', 'apq'],
    ['a code prefix', 'db-2026', 'db-2027'],
    ['outside the BMP, one character', '𠮷', '𠮸'],
    ['over the surrogates', '\ud7ff', '\ue000'],
  ])('ends the range of terms with a prefix: %s', (_, prefix, end) => {
    expect(prefixEnd(prefix)).toBe(end);
  });
});

import { reportDueText } from './chase-terms';

describe('reportDueText: when standing work reports, as an office writes it', () => {
  it.each<[Parameters<typeof reportDueText>[0], number, string]>([
    ['weekly', 5, '每周星期五前报送'],
    ['weekly', 1, '每周星期一前报送'],
    ['monthly', 10, '每月10日前报送'],
    ['quarterly', 5, '每季度末月5日前报送'],
    ['monthly', 30, '每月30日前报送'],
    ['monthly', 31, '每月月底前报送'],
    ['quarterly', 31, '每季度末前报送'],
  ])('%s, day %i: %s', (cycle, day, text) => {
    expect(reportDueText(cycle, day)).toBe(text);
  });
});

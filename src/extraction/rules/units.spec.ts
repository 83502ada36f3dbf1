import { isGenericOwner, UnitMatcher } from './units';

const matcher = new UnitMatcher([
  { id: 1, names: ['云澜市公安局', '市公安局', '公安局'] },
  { id: 2, names: ['云澜市通信管理局', '市通信管理局'] },
  { id: 3, names: ['人民银行云澜分行', '人行云澜分行', '人民银行'] },
  { id: 4, names: ['东湖街道', '东湖街道办事处'] },
  { id: 5, names: ['西山镇'] },
  { id: 6, names: ['云澜电信', '电信公司'] },
  { id: 7, names: ['云澜移动', '移动公司'] },
]);

describe('UnitMatcher', () => {
  it.each([
    ['市公安局', 1],
    ['云澜市公安局', 1],
    ['人民银行', 3],
    ['人行云澜分行', 3],
    ['东湖街道办事处', 4],
  ])('matches %s exactly to unit %i', (text, id) => {
    expect(matcher.match(text)).toBe(id);
  });

  it.each([
    ['通信管理局', 2],
    ['西山镇人民政府', 5],
  ])('matches %s by containment when one unit fits (%p)', (text, id) => {
    expect(matcher.match(text)).toBe(id);
  });

  it('leaves an owner unmatched when several units contain it', () => {
    expect(matcher.match('公司')).toBeNull();
  });

  it.each(['各镇街', '各成员单位', '相关部门', '有关单位', '各级各部门', '全市各镇（街道）', '市反诈联席会议各成员单位'])('leaves the generic owner %s unmatched', (text) => {
    expect(isGenericOwner(text)).toBe(true);
    expect(matcher.match(text)).toBeNull();
  });

  it('matches a generic-looking owner the office made one unit\'s alias', () => {
    const withAlias = new UnitMatcher([{ id: 7, names: ['市邮政管理局', '各快递企业'] }, { id: 8, names: ['市交通运输局'] }]);
    expect(withAlias.match('各快递企业')).toBe(7);
    expect(withAlias.match('各有关企业')).toBeNull();
  });

  it.each([
    ['公安机关', 1],
    ['各级公安机关', 1],
    ['通信管理部门', 2],
    ['税务部门', null],
  ])('matches the sector bodies %s to the one unit of that sector (%s)', (text, id) => {
    expect(matcher.match(text)).toBe(id);
  });

  it.each(['银行', '各银行', '商业银行'])('does not take the commercial banks %s for the central bank', (text) => {
    expect(new UnitMatcher([{ id: 3, names: ['人民银行云澜分行', '人民银行'] }]).match(text)).toBeNull();
  });

  it('ignores full- and half-width brackets and spaces', () => {
    const withBrackets = new UnitMatcher([{ id: 9, names: ['东湖镇（街道）'] }]);
    expect(withBrackets.match('东湖镇(街道)')).toBe(9);
    expect(withBrackets.match('东湖镇 （街道）')).toBe(9);
  });

  it('keeps the owner as written beside its unit', () => {
    expect(matcher.owners(['市公安局', '各镇街'])).toEqual([{ text: '市公安局', unitId: 1 }, { text: '各镇街', unitId: null }]);
  });
});

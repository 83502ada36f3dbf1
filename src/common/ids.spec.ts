import { idFromText, isId, MAX_ID } from './ids';
import { ParseIdPipe } from './parse-id.pipe';
import { DomainError } from './errors/domain-error';

describe('idFromText', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    [String(MAX_ID), MAX_ID],
  ])('reads %s', (text, id) => {
    expect(idFromText(text)).toBe(id);
  });

  it.each(['0x1', '1e0', '01', '0', '-1', '+1', ' 1', '1 ', '1.0', '1.', '', '١', String(MAX_ID + 1), '99999999999', 'Infinity', 'abc'])('refuses %j', (text) => {
    expect(idFromText(text)).toBeNull();
  });
});

describe('isId', () => {
  it.each([
    [1, true],
    [MAX_ID, true],
    [0, false],
    [-1, false],
    [1.5, false],
    [MAX_ID + 1, false],
    [Number.NaN, false],
    ['1', false],
    [null, false],
  ])('%j is an id: %s', (value, expected) => {
    expect(isId(value)).toBe(expected);
  });
});

describe('ParseIdPipe', () => {
  it('reads a path id strictly, with a Chinese message naming it', () => {
    expect(new ParseIdPipe().transform('7')).toBe(7);
    expect(() => new ParseIdPipe('年份').transform('0x7e8')).toThrow(new DomainError('VALIDATION_FAILED', '地址中的年份“0x7e8”无效：应为正整数'));
  });
});

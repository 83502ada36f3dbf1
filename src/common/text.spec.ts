import { describeForbiddenCharacter, findForbiddenCharacter } from './text';

describe('findForbiddenCharacter', () => {
  it.each([
    ['plain Chinese', '关于加强涉诈资金查控的通知', false],
    ['emoji and a zero-width joiner sequence (surrogate pairs)', '👍 安装率 𠀀', false],
    ['a full-width space and punctuation', '反诈办督〔2026〕12号　（一）', false],
    ['line breaks and tabs in multi-line text', '一、\r\n\t二、\n三、', true],
  ])('accepts %s', (_what, text, multiline) => {
    expect(findForbiddenCharacter(text, multiline)).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', false, { position: 2, codePoint: 0x0000, kind: 'control' }],
    ['NUL even in multi-line text', 'a\n\u0000', true, { position: 3, codePoint: 0x0000, kind: 'control' }],
    ['escape', '\u001b[31m', true, { position: 1, codePoint: 0x1b, kind: 'control' }],
    ['DEL', 'x\u007f', false, { position: 2, codePoint: 0x7f, kind: 'control' }],
    ['a C1 control', '\u0085', true, { position: 1, codePoint: 0x85, kind: 'control' }],
    ['a line feed in one-line text', '标题\n第二行', false, { position: 3, codePoint: 0x0a, kind: 'line-break' }],
    ['a carriage return in one-line text', '标题\r', false, { position: 3, codePoint: 0x0d, kind: 'line-break' }],
    ['a tab in one-line text', '\t标题', false, { position: 1, codePoint: 0x09, kind: 'control' }],
    ['a right-to-left override', '文号\u202e号2102', true, { position: 3, codePoint: 0x202e, kind: 'invisible' }],
    ['a left-to-right embedding', '\u202a', false, { position: 1, codePoint: 0x202a, kind: 'invisible' }],
    ['a first-strong isolate', 'a\u2068', false, { position: 2, codePoint: 0x2068, kind: 'invisible' }],
    ['a pop directional isolate', '\u2069', false, { position: 1, codePoint: 0x2069, kind: 'invisible' }],
    ['a right-to-left mark', 'a\u200f', false, { position: 2, codePoint: 0x200f, kind: 'invisible' }],
    ['a zero-width space', '市公\u200b安局', false, { position: 3, codePoint: 0x200b, kind: 'invisible' }],
    ['a zero-width joiner', 'a\u200d', false, { position: 2, codePoint: 0x200d, kind: 'invisible' }],
    ['a word joiner', '\u2060', false, { position: 1, codePoint: 0x2060, kind: 'invisible' }],
    ['a byte-order mark', '\ufeff标题', true, { position: 1, codePoint: 0xfeff, kind: 'invisible' }],
    ['a line separator, even in multi-line text', 'a\u2028b', true, { position: 2, codePoint: 0x2028, kind: 'invisible' }],
    ['half of a character, counted after a whole emoji', '👍\ud800', false, { position: 2, codePoint: 0xd800, kind: 'broken' }],
    ['a lone low surrogate', '\udc00a', false, { position: 1, codePoint: 0xdc00, kind: 'broken' }],
  ])('finds %s', (_what, text, multiline, found) => {
    expect(findForbiddenCharacter(text, multiline)).toEqual(found);
  });
});

describe('describeForbiddenCharacter', () => {
  it('says what and where, in Chinese', () => {
    expect(describeForbiddenCharacter({ position: 3, codePoint: 0x202e, kind: 'invisible' })).toBe('含有不可见的格式字符（如零宽字符、文字方向控制符）（第 3 个字符，U+202E），请删除后重新输入');
    expect(describeForbiddenCharacter({ position: 1, codePoint: 0, kind: 'control' })).toBe('含有控制字符（第 1 个字符，U+0000），请删除后重新输入');
    expect(describeForbiddenCharacter({ position: 2, codePoint: 0x0a, kind: 'line-break' })).toBe('不能换行，请写在一行内');
    expect(describeForbiddenCharacter({ position: 2, codePoint: 0xd800, kind: 'broken' })).toBe('含有不完整的字符（第 2 个字符，U+D800），请删除后重新输入');
  });
});

/** A character text input may not hold, found at a 1-based position (counted in characters, not UTF-16 units). */
export interface ForbiddenCharacter {
  position: number;
  codePoint: number;
  kind: 'line-break' | 'control' | 'invisible' | 'broken';
}

const isControl = (c: number) => c <= 0x1f || (c >= 0x7f && c <= 0x9f);
/**
 * Characters that do not show but change what is shown or compared: zero-width characters, word
 * joiners and the byte-order mark, bidirectional marks, embeddings, overrides and isolates (which can
 * make a title or a document number read differently from what is stored), and the Unicode line and
 * paragraph separators.
 */
const isInvisible = (c: number) =>
  c === 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;

/**
 * The first character of `text` that people's text must not contain: control characters (in
 * multi-line text, line breaks and tabs are allowed), invisible formatting characters, and halves of
 * a character (an unpaired UTF-16 surrogate, which the database cannot store).
 */
export function findForbiddenCharacter(text: string, multiline: boolean): ForbiddenCharacter | null {
  let position = 0;
  for (let i = 0; i < text.length; i += 1) {
    position += 1;
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
    }
    if (unit >= 0xd800 && unit <= 0xdfff) return { position, codePoint: unit, kind: 'broken' };
    if (unit === 0x0a || unit === 0x0d) {
      if (!multiline) return { position, codePoint: unit, kind: 'line-break' };
    } else if (unit === 0x09) {
      if (!multiline) return { position, codePoint: unit, kind: 'control' };
    } else if (isControl(unit)) return { position, codePoint: unit, kind: 'control' };
    else if (isInvisible(unit)) return { position, codePoint: unit, kind: 'invisible' };
  }
  return null;
}

/** What is wrong, in words a person can act on (after the field's name). */
export function describeForbiddenCharacter({ position, codePoint, kind }: ForbiddenCharacter): string {
  if (kind === 'line-break') return '不能换行，请写在一行内';
  const where = `第 ${position} 个字符，U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = { control: '控制字符', invisible: '不可见的格式字符（如零宽字符、文字方向控制符）', broken: '不完整的字符' }[kind];
  return `含有${what}（${where}），请删除后重新输入`;
}

import { DomainError } from '../common/errors/domain-error';
import { JPEG, sealPng } from '../../test/support/png';
import { checkSealImage, SEAL_MAX_BYTES } from './seal-image';

function refusal(content: Buffer, name = '公章.png'): { code: string; message: string } {
  try {
    checkSealImage(content, name);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('checkSealImage', () => {
  it.each([
    ['RGBA', sealPng()],
    ['grey + alpha', sealPng({ colourType: 4 })],
    ['RGB with a tRNS chunk', sealPng({ colourType: 2, trns: true })],
    ['the smallest and the largest sides', sealPng({ width: 100, height: 3000 })],
  ])('accepts a transparent PNG: %s', (_, content) => {
    expect(checkSealImage(content, 'seal.png')).toEqual({ width: expect.any(Number), height: expect.any(Number) });
  });

  it.each([
    ['a JPEG named .png', JPEG, 'UNSUPPORTED_FILE_TYPE', '“公章.png”不是 PNG 图片'],
    ['a PNG without alpha or tRNS', sealPng({ colourType: 2 }), 'VALIDATION_FAILED', '“公章.png”没有透明背景'],
    ['too small', sealPng({ width: 99, height: 120 }), 'VALIDATION_FAILED', '“公章.png”为 99×120 像素'],
    ['too wide', sealPng({ width: 3001, height: 120 }), 'VALIDATION_FAILED', '“公章.png”为 3001×120 像素'],
    ['too many bytes', sealPng({ padding: SEAL_MAX_BYTES }), 'PAYLOAD_TOO_LARGE', '“公章.png”超过 2 MB'],
    ['cut short', sealPng().subarray(0, 200), 'UNSUPPORTED_FILE_TYPE', '不是完整的 PNG 图片'],
    ['a byte changed (CRC)', Buffer.from(sealPng().map((byte, i) => (i === 40 ? byte ^ 1 : byte))), 'UNSUPPORTED_FILE_TYPE', '不是完整的 PNG 图片'],
    ['empty', Buffer.alloc(0), 'UNSUPPORTED_FILE_TYPE', '不是 PNG 图片'],
  ])('refuses %s, naming the file', (_, content, code, message) => {
    const refused = refusal(content);
    expect(refused.code).toBe(code);
    expect(refused.message).toContain(message);
  });

  it('names the file as the person sees it, without folders or hidden characters', () => {
    expect(refusal(JPEG, 'C:\\扫描\\公章\u202e.png').message).toMatch(/^“公章\.png”/);
  });
});

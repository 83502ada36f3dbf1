import { crc32 } from 'node:zlib';
import { DomainError } from '../common/errors/domain-error';
import { displayFileName } from '../attachments/file-content';

/** A seal image larger than this is not a seal scan any more; the office's seals are a few hundred KB. */
export const SEAL_MAX_BYTES = 2 * 1024 * 1024;
/** Width and height in pixels: smaller prints blurred at 4 cm; larger only makes every PDF heavy. */
export const SEAL_MIN_PIXELS = 100;
export const SEAL_MAX_PIXELS = 3000;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Colour types with an alpha channel: grey + alpha, RGB + alpha. */
const ALPHA_COLOUR_TYPES = [4, 6];
const COLOUR_TYPES = [0, 2, 3, 4, 6];

export interface SealImage {
  width: number;
  height: number;
}

/**
 * Checks that a file is a seal the notices can carry: a whole PNG (signature, every chunk's CRC, up to
 * IEND), of sane pixel size, with transparency (an alpha channel, or a tRNS chunk), so that the seal
 * lies over the issuer's name and date without hiding them. Judged by content, never by name.
 */
export function checkSealImage(content: Buffer, clientName: string): SealImage {
  const name = `“${displayFileName(clientName)}”`;
  const refuse = (message: string, code: 'VALIDATION_FAILED' | 'UNSUPPORTED_FILE_TYPE' | 'PAYLOAD_TOO_LARGE' = 'VALIDATION_FAILED') => new DomainError(code, message, [{ field: 'files', message }]);
  if (content.length > SEAL_MAX_BYTES) throw refuse(`${name}超过 ${SEAL_MAX_BYTES / 1024 / 1024} MB：印章图像不能超过 ${SEAL_MAX_BYTES / 1024 / 1024} MB`, 'PAYLOAD_TOO_LARGE');
  if (content.length < SIGNATURE.length + 25 || !content.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw refuse(`${name}不是 PNG 图片：印章须为背景透明的 PNG 图像（改扩展名不能改变文件格式）`, 'UNSUPPORTED_FILE_TYPE');
  }
  const chunks = readChunks(content);
  if (!chunks) throw refuse(`${name}不是完整的 PNG 图片（文件已损坏或不完整），请重新导出后上传`, 'UNSUPPORTED_FILE_TYPE');
  const header = chunks[0];
  if (header.type !== 'IHDR' || header.data.length !== 13) throw refuse(`${name}不是完整的 PNG 图片（缺少图像头），请重新导出后上传`, 'UNSUPPORTED_FILE_TYPE');
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  const colourType = header.data[9];
  if (!COLOUR_TYPES.includes(colourType)) throw refuse(`${name}的颜色类型无法识别，请重新导出为 PNG 后上传`, 'UNSUPPORTED_FILE_TYPE');
  if ([width, height].some((side) => side < SEAL_MIN_PIXELS || side > SEAL_MAX_PIXELS)) {
    throw refuse(`${name}为 ${width}×${height} 像素：印章图像的宽和高须在 ${SEAL_MIN_PIXELS} 至 ${SEAL_MAX_PIXELS} 像素之间`);
  }
  const transparent = ALPHA_COLOUR_TYPES.includes(colourType) || chunks.some((chunk) => chunk.type === 'tRNS');
  if (!transparent) throw refuse(`${name}没有透明背景：印章须为背景透明的 PNG（带 Alpha 通道），否则会遮住发文机关署名和日期`);
  return { width, height };
}

interface Chunk {
  type: string;
  data: Buffer;
}

/** The chunks up to IEND, or null if any is cut short, fails its CRC, or IEND never comes. */
function readChunks(content: Buffer): Chunk[] | null {
  const chunks: Chunk[] = [];
  let offset = SIGNATURE.length;
  while (offset + 12 <= content.length) {
    const length = content.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > content.length) return null;
    const typeAndData = content.subarray(offset + 4, offset + 8 + length);
    if (crc32(typeAndData) !== content.readUInt32BE(offset + 8 + length)) return null;
    const type = typeAndData.subarray(0, 4).toString('latin1');
    chunks.push({ type, data: typeAndData.subarray(4) });
    if (type === 'IEND') return chunks;
    offset = end;
  }
  return null;
}

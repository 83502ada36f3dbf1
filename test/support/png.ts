import { crc32, deflateSync } from 'node:zlib';

export interface PngOptions {
  width?: number;
  height?: number;
  /** 6: RGBA (a seal as exported), 2: RGB without alpha, 4: grey + alpha. */
  colourType?: 2 | 4 | 6;
  /** Adds a tRNS chunk (transparency without an alpha channel). */
  trns?: boolean;
  /** Bytes of an ancillary chunk, to make a file of a given size. */
  padding?: number;
}

const CHANNELS = { 2: 3, 4: 2, 6: 4 } as const;

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A real PNG drawing a red seal ring on a transparent ground (or on white, for the colour types
 * without alpha), so that what the tests upload is what an office would export.
 */
export function sealPng({ width = 240, height = 240, colourType = 6, trns = false, padding = 0 }: PngOptions = {}): Buffer {
  const channels = CHANNELS[colourType];
  const rows: Buffer[] = [];
  const [cx, cy, outer, inner] = [width / 2, height / 2, Math.min(width, height) / 2 - 2, Math.min(width, height) / 2 - 14];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * channels);
    for (let x = 0; x < width; x++) {
      const r = Math.hypot(x - cx, y - cy);
      const ink = (r <= outer && r >= inner) || (Math.abs(x - cx) < inner / 3 && Math.abs(y - cy) < inner / 3);
      const pixel = colourType === 6 ? (ink ? [212, 0, 0, 255] : [0, 0, 0, 0]) : colourType === 4 ? (ink ? [80, 255] : [0, 0]) : ink ? [212, 0, 0] : [255, 255, 255];
      pixel.forEach((value, i) => (row[1 + x * channels + i] = value));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colourType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(trns ? [chunk('tRNS', Buffer.from([0, 255, 0, 255, 0, 255]))] : []),
    ...(padding ? [chunk('zzPd', Buffer.alloc(padding, 7))] : []),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The first bytes of a JPEG (as a phone saves a photo), whatever the name says. */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(2000, 1), Buffer.from([0xff, 0xd9])]);

import { crc32, deflateSync } from 'node:zlib';

/**
 * A seal as offices scan theirs: a red ring and a five-pointed star on a transparent ground, as an
 * RGBA PNG (colour type 6), `size` pixels square.
 */
export function sealPng(size = 300): Buffer {
  const center = size / 2;
  const star = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? size * 0.2 : size * 0.08;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [center + radius * Math.cos(angle), center + radius * Math.sin(angle)];
  });
  const inStar = (x: number, y: number) => {
    let inside = false;
    for (let i = 0, j = star.length - 1; i < star.length; j = i++) {
      const [xi, yi] = star[i];
      const [xj, yj] = star[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - center, y - center);
      const red = (distance < size * 0.48 && distance > size * 0.44) || inStar(x, y);
      rows.set(red ? [220, 0, 0, 230] : [0, 0, 0, 0], row + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

export const sealDataUri = (size?: number): string => `data:image/png;base64,${sealPng(size).toString('base64')}`;

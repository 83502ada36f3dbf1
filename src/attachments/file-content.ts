/** The file types the office accepts, recognised by their content rather than by name or the client's claim. */
export interface DetectedType {
  mediaType: string;
  extension: string;
  label: string;
}

const startsWith = (buffer: Buffer, bytes: number[], offset = 0) => bytes.every((byte, i) => buffer[offset + i] === byte);
const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

const PDF: DetectedType = { mediaType: 'application/pdf', extension: 'pdf', label: 'PDF' };

/** Office Open XML and OFD are ZIP files; their parts tell them apart. */
const ZIP_KINDS: Array<[string, DetectedType]> = [
  ['word/', { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'Word' }],
  ['xl/', { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', label: 'Excel' }],
  ['ppt/', { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', label: 'PowerPoint' }],
  ['OFD.xml', { mediaType: 'application/ofd', extension: 'ofd', label: 'OFD' }],
];

export function detectFileType(buffer: Buffer): DetectedType | null {
  if (startsWith(buffer, ascii('%PDF-'))) return PDF;
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: 'image/png', extension: 'png', label: 'PNG 图片' };
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: 'jpg', label: 'JPEG 图片' };
  if (startsWith(buffer, ascii('GIF87a')) || startsWith(buffer, ascii('GIF89a'))) return { mediaType: 'image/gif', extension: 'gif', label: 'GIF 图片' };
  if (startsWith(buffer, ascii('RIFF')) && startsWith(buffer, ascii('WEBP'), 8)) return { mediaType: 'image/webp', extension: 'webp', label: 'WebP 图片' };
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mediaType: 'application/vnd.ms-office', extension: 'doc', label: 'Office 97-2003' };
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    const names = buffer.toString('latin1');
    if (!names.includes('[Content_Types].xml') && !names.includes('OFD.xml')) return null;
    return ZIP_KINDS.find(([part]) => names.includes(part))?.[1] ?? null;
  }
  if (isPlainText(buffer)) return { mediaType: 'text/plain; charset=utf-8', extension: 'txt', label: '文本' };
  return null;
}

function isPlainText(buffer: Buffer): boolean {
  if (buffer.length === 0 || buffer.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

/** Invisible characters that can disguise a name: controls and bidirectional overrides (e.g. U+202E). */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The name a person gave a file, without its folders or characters that are not shown, as it may be said back to them. */
export function displayFileName(clientName: string): string {
  const base = clientName.split(/[\\/]/).pop() ?? '';
  return base.replace(HIDDEN, '').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 150) || '附件';
}

/**
 * A file name safe to store and show: no folders, no hidden characters, a bounded length, and an
 * extension that matches the content, so `report.pdf.exe` or `‮fdp.exe` cannot pass for something else.
 */
export function safeFileName(clientName: string, type: DetectedType): string {
  const name = displayFileName(clientName);
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  const matches = extension === type.extension || (type.extension === 'jpg' && extension === 'jpeg') || (type.extension === 'doc' && ['xls', 'ppt'].includes(extension ?? ''));
  return matches ? name : `${name}.${type.extension}`;
}

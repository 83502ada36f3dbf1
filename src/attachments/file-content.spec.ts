import { detectFileType, safeFileName } from './file-content';

const zip = (...parts: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(parts.join('\0'), 'latin1')]);

describe('detectFileType', () => {
  it('recognises the accepted types by their content', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n...'))?.extension).toBe('pdf');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mediaType).toBe('image/png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.extension).toBe('jpg');
    expect(detectFileType(zip('[Content_Types].xml', 'word/document.xml'))?.extension).toBe('docx');
    expect(detectFileType(zip('[Content_Types].xml', 'xl/workbook.xml'))?.extension).toBe('xlsx');
    expect(detectFileType(zip('OFD.xml', 'Doc_0/Document.xml'))?.extension).toBe('ofd');
    expect(detectFileType(Buffer.from('东湖街道本月完成宣传 12 场。\n'))?.mediaType).toBe('text/plain; charset=utf-8');
  });

  it('refuses anything else, whatever it claims to be', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull(); // a Windows program
    expect(detectFileType(zip('payload.js'))).toBeNull(); // a plain ZIP
    expect(detectFileType(Buffer.from([0xc3, 0x28, 0x00]))).toBeNull(); // binary, not UTF-8
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});

describe('safeFileName', () => {
  const pdf = detectFileType(Buffer.from('%PDF-1.4'))!;
  const png = detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))!;

  it('keeps a good name as it is', () => {
    expect(safeFileName('整改报告（第一批）.pdf', pdf)).toBe('整改报告（第一批）.pdf');
  });

  it('drops folders, so ../ cannot climb', () => {
    expect(safeFileName('../../etc/passwd.pdf', pdf)).toBe('passwd.pdf');
    expect(safeFileName('..\\..\\boot.ini', pdf)).toBe('boot.ini.pdf');
  });

  it('removes NUL and right-to-left marks that disguise the real extension', () => {
    expect(safeFileName('photo\u202Egnp.exe', png)).toBe('photognp.exe.png');
    expect(safeFileName('report.pdf\u0000.exe', pdf)).toBe('report.pdf.exe.pdf');
  });

  it('gives a nameless or dotted upload a plain name', () => {
    expect(safeFileName('...', pdf)).toBe('附件.pdf');
    expect(safeFileName('', png)).toBe('附件.png');
  });
});

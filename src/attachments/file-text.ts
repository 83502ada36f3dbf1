import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { detectFileType, displayFileName } from './file-content';
import type { UploadedFile } from './attachments.service';
import { DomainError } from '../common/errors/domain-error';
import { PROJECT_ROOT } from '../paths';
import { ideographOf } from './radical-equivalents';

const WORKER = join(PROJECT_ROOT, 'src', 'attachments', 'file-text-worker.mjs');
/** A file's text is read within this time and memory, or not at all. */
const TIME_LIMIT_MS = 20_000;
const MEMORY_LIMIT_MB = 256;

type Kind = 'pdf' | 'docx';

/** The one Word (.docx) or PDF file among an upload that a document's text is read from. */
export function textSourceOf(files: UploadedFile[]): { file: UploadedFile; kind: Kind } | null {
  for (const file of files) {
    const extension = detectFileType(file.buffer)?.extension;
    if (extension === 'pdf' || extension === 'docx') return { file, kind: extension };
  }
  return null;
}

const noText = (file: UploadedFile, why: string) => new DomainError('NO_TEXT_IN_FILE', `“${displayFileName(file.originalname)}”${why}`, [{ field: 'files', message: `“${displayFileName(file.originalname)}”${why}` }]);

/**
 * The text of an uploaded Word (.docx) file or of a PDF with a text layer, tidied (see `tidyText`).
 * Other files are refused (415), and a file without text — a scanned PDF — or one that cannot be read (422).
 */
export async function readFileText(files: UploadedFile[]): Promise<string> {
  if (files.length === 0) {
    const message = '没有收到文件：要从文件读取全文，请随附 Word（.docx）文件或带文字层的 PDF 文件（字段 files），或直接填写全文';
    throw new DomainError('VALIDATION_FAILED', message, [{ field: 'files', message }]);
  }
  const source = textSourceOf(files);
  if (!source) {
    const message = '请上传 Word（.docx）文件或带文字层的 PDF 文件，才能从中读出全文';
    throw new DomainError('UNSUPPORTED_FILE_TYPE', message, [{ field: 'files', message }]);
  }
  const raw = await inWorker(source.kind, source.file.buffer);
  if (raw === null) throw noText(source.file, '无法读取，文件可能已损坏或加密；请另存后重新上传，或直接粘贴全文');
  const text = tidyText(raw, source.kind === 'pdf');
  if (text === '') {
    throw noText(source.file, source.kind === 'pdf' ? '没有文字层（可能是扫描件），读不出全文；请上传 Word 文件或带文字的 PDF，或直接粘贴全文' : '中没有文字');
  }
  return text;
}

function inWorker(kind: Kind, buffer: Buffer): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { kind, data: new Uint8Array(buffer) }, resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB }, stdout: true, stderr: true });
    const timer = setTimeout(() => void worker.terminate(), TIME_LIMIT_MS);
    let answered = false;
    worker.once('message', (message: { text?: string }) => {
      answered = true;
      resolve(typeof message.text === 'string' ? message.text : null);
    });
    worker.once('error', (error) => (error.name === 'ERR_WORKER_OUT_OF_MEMORY' || (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(null) : reject(error)));
    worker.once('exit', () => {
      clearTimeout(timer);
      if (!answered) resolve(null);
    });
  });
}

const LINE_END = /[。！？；：:;!?”」』）)]$/;
const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）|第[一二三四五六七八九十]+[章条节])/;
const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
/**
 * Kangxi radicals and CJK radical forms, which some PDFs' fonts map their characters to ("⾏" U+2F8F for "行",
 * "⽉" U+2F49 for "月", "⻛" U+2EDB for "风"): read as the characters they look like, or a deadline ("3⽉31⽇前") is no date.
 */
const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;
/** A wrapped line runs to the width of the page's longer lines; one well short of them ends its paragraph. */
const SHORT_LINE = 0.8;

/**
 * Text read from a file as a person would paste it: Windows line ends and spaces at line ends gone,
 * blank lines between paragraphs dropped, spaces between Chinese characters removed (PDFs space them),
 * radical forms read as the characters they stand for, and — in a PDF (`wrapped`), whose lines are the
 * page's, not the paragraphs' — the lines of a paragraph joined again: a line is kept when it ends a
 * sentence, falls well short of the page's width (a title, a salutation, a signature) or the next begins a
 * numbered heading (一、（一）1.（1）第一条). A Word file's lines are its paragraphs, kept as they are.
 */
export function tidyText(raw: string, wrapped: boolean): string {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, (c) => (c === '\u00a0' ? ' ' : ''))
    .replace(RADICALS, ideographOf)
    .split('\n')
    .map((line) => line.replace(new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'g'), '').trim())
    .filter((line) => line !== '');
  if (!wrapped) return lines.join('\n');
  const longer = [...lines].map((line) => line.length).sort((a, b) => b - a);
  const width = longer[Math.floor(longer.length / 10)] ?? 0;
  const paragraphs: string[] = [];
  let open = false;
  for (const line of lines) {
    if (open && !HEADING.test(line)) paragraphs[paragraphs.length - 1] += line;
    else paragraphs.push(line);
    open = !LINE_END.test(line) && line.length >= width * SHORT_LINE;
  }
  return paragraphs.join('\n');
}

import { applyDecorators, CallHandler, CanActivate, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The form field that carries the files of an upload. */
const FILES_FIELD = 'files';
/** The most a field beside the files may carry: a document's whole body (200,000 characters, 600 KB) fits. */
const FIELD_MAX_MB = 1;

export type UploadParser = (req: Request, res: Response) => Promise<void>;

/**
 * Reads a `multipart/form-data` request's fields into `req.body` and its files (field `files`) into
 * `req.files`, within the configured size and count limits; other requests pass untouched.
 */
export function createUploadParser(config: AppConfig): UploadParser {
  const maxMb = Math.round(config.uploadMaxBytes / 1024 / 1024);
  const upload = multer({
    storage: multer.memoryStorage(),
    // Browsers send UTF-8 file names; multer would read them as Latin-1 and garble Chinese names.
    defParamCharset: 'utf8',
    limits: { fileSize: config.uploadMaxBytes, files: config.uploadMaxFiles, fields: 50, fieldSize: FIELD_MAX_MB * 1024 * 1024 },
    // Remembers the file being read, so a refusal can name it.
    fileFilter: (req, file, accept) => {
      receiving.set(req, file.originalname);
      accept(null, true);
    },
  }).array(FILES_FIELD, config.uploadMaxFiles);
  const explain = (req: Request, error: unknown): DomainError => {
    const refused = (message: string) => new DomainError('PAYLOAD_TOO_LARGE', message, [{ field: FILES_FIELD, message }]);
    // Anything else the multipart parser rejects (a malformed part, a NUL in a header) is the client's fault.
    if (!(error instanceof MulterError)) return new DomainError('MALFORMED_REQUEST', '上传的表单格式有误，请检查文件名后重新上传');
    if (error.code === 'LIMIT_FILE_SIZE') return refused(`“${receiving.get(req) ?? '附件'}”超过 ${maxMb} MB：单个附件不能超过 ${maxMb} MB，请压缩或拆分后再上传`);
    if (error.code === 'LIMIT_FILE_COUNT') return refused(`一次最多上传 ${config.uploadMaxFiles} 个附件，请分几次上传`);
    if (error.code === 'LIMIT_FIELD_VALUE') {
      const message = `表单字段 ${error.field ?? ''} 的内容超过 ${FIELD_MAX_MB} MB，请缩短或拆分后再提交`;
      return new DomainError('PAYLOAD_TOO_LARGE', message, [{ field: error.field ?? FILES_FIELD, message }]);
    }
    if (error.code === 'LIMIT_UNEXPECTED_FILE') return new DomainError('MALFORMED_REQUEST', `附件应放在表单字段 ${FILES_FIELD} 中，一次最多 ${config.uploadMaxFiles} 个`);
    return new DomainError('MALFORMED_REQUEST', '上传的表单格式有误');
  };
  return (req, res) => new Promise<void>((resolve, reject) => upload(req, res, (error: unknown) => (error ? reject(explain(req, error)) : resolve())));
}

/** The file each request is reading now (for the refusal's wording). */
const receiving = new WeakMap<Request, string>();

/** Refusals of page uploads, kept for the page to show with its form (see `uploadRefusalOf`). */
const pageRefusals = new WeakMap<Request, DomainError>();

/**
 * Reads a page's upload, keeping a refusal (too large, too many) for the page to show beside its form
 * instead of failing the request: the fields read before it (the form's token, the text typed) remain.
 */
export async function parsePageUpload(parse: UploadParser, req: Request, res: Response): Promise<void> {
  try {
    await parse(req, res);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    pageRefusals.set(req, error);
    req.files ??= [];
  }
}

/** Why a page's upload was refused, if it was. */
export function uploadRefusalOf(req: Request): DomainError | undefined {
  return pageRefusals.get(req);
}

/** Parses the upload unless the pages' session middleware already did (to find the form's CSRF token). */
@Injectable()
class UploadInterceptor implements NestInterceptor {
  private readonly parse: UploadParser;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.parse = createUploadParser(config);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    if (!Array.isArray(req.files)) await this.parse(req, http.getResponse<Response>());
    return next.handle();
  }
}

/** Marks an API route that takes files (multipart/form-data) beside its fields. */
const TAKES_FILES = 'takesFiles';

/** Accepts file uploads in form field `files` alongside the DTO's fields. */
export const UploadFiles = () => applyDecorators(SetMetadata(TAKES_FILES, true), UseInterceptors(UploadInterceptor), ApiConsumes('multipart/form-data', 'application/json'));

/**
 * Refuses multipart/form-data sent to an API route that takes no files (415, as for any body that is not
 * JSON): nothing would read its fields, and it would be refused field by field as if empty.
 */
@Injectable()
export class MultipartOnlyWithFilesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.path.startsWith('/api/') || !req.is('multipart/form-data')) return true;
    if (this.reflector.get<boolean>(TAKES_FILES, context.getHandler())) return true;
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '此接口不收文件：请求体须为 JSON，请设置 Content-Type: application/json');
  }
}

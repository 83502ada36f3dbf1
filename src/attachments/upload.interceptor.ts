import { applyDecorators, CallHandler, ExecutionContext, Inject, Injectable, mixin, NestInterceptor, Type, UseInterceptors } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Reads `multipart/form-data` uploads in field `files`, within the configured size and count limits. */
function uploadInterceptor(field: string): Type<NestInterceptor> {
  @Injectable()
  class UploadInterceptor implements NestInterceptor {
    private readonly upload: ReturnType<ReturnType<typeof multer>['array']>;
    private readonly limits: { maxMb: number; maxFiles: number };

    constructor(@Inject(APP_CONFIG) config: AppConfig) {
      this.limits = { maxMb: Math.round(config.uploadMaxBytes / 1024 / 1024), maxFiles: config.uploadMaxFiles };
      this.upload = multer({
        storage: multer.memoryStorage(),
        // Browsers send UTF-8 file names; multer would read them as Latin-1 and garble Chinese names.
        defParamCharset: 'utf8',
        limits: { fileSize: config.uploadMaxBytes, files: config.uploadMaxFiles, fields: 50, fieldSize: 1024 * 1024 },
      }).array(field, config.uploadMaxFiles);
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      await new Promise<void>((resolve, reject) =>
        this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) => (error ? reject(this.explain(error)) : resolve())),
      );
      return next.handle();
    }

    private explain(error: unknown): unknown {
      // Anything else the multipart parser rejects (a malformed part, a NUL in a header) is the client's fault.
      if (!(error instanceof MulterError)) return new DomainError('MALFORMED_REQUEST', '上传的表单格式有误，请检查文件名后重新上传');
      if (error.code === 'LIMIT_FILE_SIZE') return new DomainError('PAYLOAD_TOO_LARGE', `单个附件不能超过 ${this.limits.maxMb} MB`);
      if (error.code === 'LIMIT_FILE_COUNT' || error.code === 'LIMIT_UNEXPECTED_FILE') {
        return new DomainError('PAYLOAD_TOO_LARGE', `一次最多上传 ${this.limits.maxFiles} 个附件（字段名 ${field}）`);
      }
      return new DomainError('MALFORMED_REQUEST', '上传的表单格式有误');
    }
  }
  return mixin(UploadInterceptor);
}

/** Accepts file uploads in form field `files` alongside the DTO's fields. */
export const UploadFiles = () => applyDecorators(UseInterceptors(uploadInterceptor('files')), ApiConsumes('multipart/form-data', 'application/json'));

import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AccessDeniedError } from '../access/access';
import { respondWithError } from '../common/errors/all-exceptions.filter';
import { AuditService } from './audit.service';

const logger = new Logger('Errors');

/**
 * The one filter for everything thrown in a handler or guard; access denials are also audited. It
 * lives with the audit trail it writes to, so that common/ (which shapes the answer) imports no feature.
 */
@Catch()
@Injectable()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly audit: AuditService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    if (exception instanceof AccessDeniedError) {
      await this.audit.recordDenial(exception.denial).catch((error: unknown) => logger.error('Could not audit a denial', String(error)));
    }
    respondWithError(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

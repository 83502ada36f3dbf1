import { randomUUID } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { from, mergeMap, Observable, of, catchError } from 'rxjs';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../common/clock';
import { sameSiteReferer } from '../common/referer';
import { setFlash } from './flash';
import { FormSubmission } from './form-submission.entity';
import { SUBMISSION_FIELD } from './forms';

/** How long a submitted form is remembered: a page left open longer than this is not caught. */
const REMEMBERED_MS = 2 * 24 * 3600_000;

/**
 * Handles each rendered page form once. A form posted again — back and submit, a double click, a
 * confirmation answered twice — changes nothing and goes where the first one went. A submission that
 * was refused (the form shown again) or only asked a question is forgotten, so it can be sent again.
 */
@Injectable()
export class SubmitOnceInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const id = req.method === 'POST' ? submissionOf(req.body) : null;
    if (!id) return next.handle();
    const submissions = this.dataSource.getRepository(FormSubmission);
    if (!(await this.claim(id))) {
      const first = await submissions.findOneBy({ id });
      setFlash(res, '这份表单刚才已经提交过，没有重复办理；这里是当时办理的结果。');
      res.redirect(303, first?.location ?? sameSiteReferer(req) ?? '/');
      return of(undefined);
    }
    return next.handle().pipe(
      mergeMap((value) => from(this.settle(id, res).then(() => value))),
      catchError((error: unknown) => from(submissions.delete({ id }).then(() => Promise.reject(error)))),
    );
  }

  /** Records the submission; false when it was already recorded (by this request's twin). */
  private async claim(id: string): Promise<boolean> {
    const submissions = this.dataSource.getRepository(FormSubmission);
    const now = this.clock.now();
    const claim = randomUUID();
    await submissions.delete({ submittedAt: LessThan(new Date(now.getTime() - REMEMBERED_MS)) });
    await submissions.createQueryBuilder().insert().values({ id, claim, location: null, submittedAt: now }).orIgnore().execute();
    return (await submissions.findOneBy({ id }))?.claim === claim;
  }

  /** Done (redirected onwards): remember where to. Refused or asked: forget it. */
  private async settle(id: string, res: Response): Promise<void> {
    const location = res.getHeader('location');
    const submissions = this.dataSource.getRepository(FormSubmission);
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') await submissions.update({ id }, { location: location.slice(0, 300) });
    else await submissions.delete({ id });
  }
}

function submissionOf(body: unknown): string | null {
  const value = (body as Record<string, unknown> | undefined)?.[SUBMISSION_FIELD];
  return typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value) ? value : null;
}

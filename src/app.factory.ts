import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { serveApiDocument } from './api-document';
import { requireApiBodyType } from './common/api-body-type';
import { AppModule } from './app.module';
import { expressErrorHandler } from './common/errors/all-exceptions.filter';
import { assignCorrelationId, requestContextMiddleware } from './common/request-context';
import { rejectPrototypeKeys } from './common/validation';
import { AppConfig, LOG_LEVELS } from './config/app-config';
import { assertRedisUsable } from './jobs/redis-connection';
import { TEMPLATES_DIR } from './paths';
import { createUploadParser } from './attachments/upload.interceptor';
import { pageSessionMiddleware } from './web/page-session';
import { createViewEngine } from './web/view-engine';

const BODY_LIMIT = '2mb';
/** Fields a page form may send: the review of a long document's proposals holds about 20 a proposal. */
const FORM_FIELD_LIMIT = 10_000;

/** Builds the whole application, initialised and ready to listen; shared by main() and the tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  if (!config.jwtSecret) throw new Error('createApp needs config.jwtSecret');
  const logger = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1) as LogLevel[];
  // Checked before anything connects, so a refused start leaves nothing open behind it.
  if (config.redisUrl) await assertRedisUsable(config.redisUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bodyParser: false, logger, abortOnError: false });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Pages and API answers are no-store (below): no browser keeps one to ask again with If-None-Match, so
  // an ETag would only hash every body sent. What may be revalidated sets its own (the board's charts);
  // the static assets have theirs from express.static.
  app.set('etag', false);

  // Security headers first, so every response carries them, errors included.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': config.cookieSecure ? [] : null } } }));
  // Pages and API answers carry people's work (and forms a CSRF token): no browser or proxy may keep
  // them. The static assets, served below, keep their own caching.
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!req.path.startsWith('/assets/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(assignCorrelationId);
  app.use(cookieParser());
  app.use(requireApiBodyType);
  app.use(express.json({ limit: BODY_LIMIT, reviver: rejectPrototypeKeys }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: FORM_FIELD_LIMIT }));
  // After the body parsers, whose stream callbacks would lose the async context.
  app.use(requestContextMiddleware(config.requestQueries.readTimeoutMs));
  app.use(pageSessionMiddleware(createHmac('sha256', config.jwtSecret).update('csrf').digest('hex'), config.cookieSecure, createUploadParser(config)));

  app.useStaticAssets(join(TEMPLATES_DIR, 'assets'), { prefix: '/assets/', maxAge: '1h' });
  app.engine('hbs', createViewEngine(TEMPLATES_DIR));
  app.setBaseViewsDir(join(TEMPLATES_DIR, 'pages'));
  app.setViewEngine('hbs');

  serveApiDocument(app, config);

  app.enableShutdownHooks();
  await app.init();
  // Registered after the routes, for errors raised by the middleware above.
  app.use(expressErrorHandler);
  return app;
}

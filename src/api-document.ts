import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorBodyView } from './common/errors/error-body.view';
import type { AppConfig } from './config/app-config';

/**
 * Serves the OpenAPI document that API clients are generated from at /api/docs (JSON at /api/docs-json);
 * `redocly lint` (test/e2e/openapi.e2e-spec.ts) keeps it clean. Every operation needs a bearer token
 * unless it is @Public(), and every error has the one ErrorBody shape.
 */
export function serveApiDocument(app: INestApplication, config: AppConfig): void {
  const base = new DocumentBuilder()
    .setTitle('督查督办服务 API')
    .setDescription('协调办、成员单位和领导使用的督查督办接口。先调用 POST /api/auth/login 取得令牌，再以 Authorization: Bearer <令牌> 访问其他接口。')
    .setVersion('0.1.0')
    .addServer(apiServerUrl(config.delivery.publicUrl), '本服务')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    // The body parser runs before any route, so any request may be refused as unreadable.
    .addGlobalResponse(
      { status: 400, description: '请求有误：VALIDATION_FAILED（details 列出各字段的问题）、MALFORMED_REQUEST（请求体无法解析），或要印发的通知内容不完整（DRAFT_INCOMPLETE）', type: ErrorBodyView },
      { status: 'default', description: '其他错误，同一格式：如 404 NOT_FOUND（不存在或不在本账号可见范围内）、413、415、422 CALENDAR_NOT_COVERED、429、500', type: ErrorBodyView },
    )
    .build();
  // Private software (package.json: UNLICENSED); there is no licence text at a URL to link to.
  base.info.license = { name: 'UNLICENSED（专有软件，未公开授权）' };
  SwaggerModule.setup('api/docs', app, SwaggerModule.createDocument(app, base), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * The server clients call: PUBLIC_URL, which may carry a path prefix behind a proxy; while it is still the
 * default loopback address, which would send another machine's client to itself, the host that served the document.
 */
export function apiServerUrl(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.') ? '/' : publicUrl;
}

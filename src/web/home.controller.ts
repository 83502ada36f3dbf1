import { Controller, Get, Query, Render, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { AuditQueryDto } from '../audit/dto/audit.dto';
import { HomeService } from './home.service';
import { PageContextInterceptor } from './page-context.interceptor';
import { pager } from './pager';

@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor)
export class HomeController {
  constructor(
    private readonly home: HomeService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @RequirePermission(Permission.DashboardRead)
  @Render('home')
  index(@CurrentAccess() access: Access) {
    return this.home.build(access);
  }

  @Get('audit')
  @RequirePermission(Permission.AuditRead)
  @Render('audit')
  async auditTrail(@Query() query: AuditQueryDto) {
    const page = await this.audit.list(query);
    return {
      title: '审计日志',
      entries: page.items.map((e) => ({ ...e, changesText: e.changes ? JSON.stringify(e.changes) : '' })),
      filter: { action: query.action ?? '', objectType: query.objectType ?? '', objectId: query.objectId ?? '' },
      pager: pager(page, { ...query, from: query.from?.toISOString(), to: query.to?.toISOString(), page: undefined }),
    };
  }
}

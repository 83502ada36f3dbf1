import { Controller, Get, Query, Render, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { homePageOf } from '../access/roles';
import { auditActionOptions } from '../audit/audit-actions';
import { auditObjectOptions } from '../audit/audit-lines';
import { AuditService } from '../audit/audit.service';
import { AuditViewService } from '../audit/audit-view.service';
import { AuditQueryDto } from '../audit/dto/audit.dto';
import { BoardPage } from './board-page';
import { HomeService } from './home.service';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';
import { pager } from './pager';

@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class HomeController {
  constructor(
    private readonly home: HomeService,
    private readonly audit: AuditService,
    private readonly auditView: AuditViewService,
    private readonly board: BoardPage,
  ) {}

  /** The home page: the board (挂图作战) for whoever's home it is, the overview of one's work for the others. */
  @Get()
  @RequirePermission(Permission.DashboardRead)
  async index(@CurrentAccess() access: Access, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (homePageOf(access.actor.role) === 'board') {
      const { status, model } = await this.board.page(access, req.query);
      res.status(status).render('board/board', model);
    } else res.render('home', await this.home.build(access));
  }

  @Get('audit')
  @RequirePermission(Permission.AuditRead)
  @Render('audit')
  async auditTrail(@Query() query: AuditQueryDto) {
    const page = await this.audit.list(query);
    const actions = auditActionOptions();
    const action = query.action ?? '';
    return {
      title: '审计日志',
      entries: await this.auditView.describe(page.items),
      filter: {
        action,
        objectType: query.objectType ?? '',
        objectId: query.objectId ?? '',
        actorUserId: query.actorUserId ?? '',
        actorName: query.actorUserId ? ((await this.auditView.personName(query.actorUserId)) ?? '（无此账号）') : '',
      },
      actionGroups: actions,
      // A code typed into the address bar that the list does not offer stays selected as typed.
      otherAction: action && !actions.some((group) => group.options.some((option) => option.value === action)) ? action : '',
      objectTypes: auditObjectOptions(),
      pager: pager(page, { ...query, from: query.from?.toISOString(), to: query.to?.toISOString(), page: undefined }),
    };
  }
}

import { Controller, Get, Query, Render, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { BoardPage, BoardPageQueryDto } from './board-page';
import { PageContextInterceptor } from './page-context.interceptor';

@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor)
export class BoardPagesController {
  constructor(private readonly page: BoardPage) {}

  /** 挂图作战: everyone's board for the office and leaders, a unit's own for its contacts. */
  @Get('board')
  @RequirePermission(Permission.DashboardRead)
  @Render('board/board')
  board(@CurrentAccess() access: Access, @Query() query: BoardPageQueryDto) {
    return this.page.build(access, query);
  }
}

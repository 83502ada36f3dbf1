import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Query, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { contentDisposition } from '../attachments/attachments.service';
import { Clock } from '../common/clock';
import { PdfRenderer } from '../notices/pdf-renderer.service';
import { TEMPLATES_DIR } from '../paths';
import { BoardPage, BoardPageQueryDto } from './board-page';
import { PageContextInterceptor } from './page-context.interceptor';

/** The pages' stylesheet, inlined into printed reports: the renderer loads nothing from the service. */
const STYLESHEET = readFileSync(join(TEMPLATES_DIR, 'assets', 'app.css'), 'utf8');

@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor)
export class BoardPagesController {
  constructor(
    private readonly page: BoardPage,
    private readonly pdf: PdfRenderer,
    private readonly clock: Clock,
  ) {}

  /** 挂图作战: everyone's board for the office and leaders, a unit's own for its contacts; a refused filter is said beside the form. */
  @Get('board')
  @RequirePermission(Permission.DashboardRead)
  async board(@CurrentAccess() access: Access, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { status, model } = await this.page.page(access, req.query);
    res.status(status).render('board/board', model);
  }

  /** The same board, with the same filters and reach, as a PDF for the meeting's papers: the charts as drawn on the page. */
  @Get('board/report.pdf')
  @RequirePermission(Permission.DashboardRead)
  async report(@CurrentAccess() access: Access, @Query() query: BoardPageQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const model = await this.page.print(access, query);
    const html = await new Promise<string>((resolve, reject) =>
      res.app.render('board/board', { ...model, layout: 'print', stylesheet: STYLESHEET, printedBy: access.actor.displayName, printedAt: this.clock.now() }, (error, rendered) => (error ? reject(error) : resolve(rendered))),
    );
    const content = await this.pdf.render(html);
    res.setHeader('Content-Disposition', contentDisposition(`${model.own ? '本单位' : ''}挂图作战-${model.figures.period.from}至${model.figures.period.to}.pdf`));
    return new StreamableFile(content, { type: 'application/pdf' });
  }
}

import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { describeError } from '../common/errors/error-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { BoardChartName, BoardPage } from './board-page';

const DIRECTIVE_ID = new ParseIdPipe('事项编号');

/**
 * The board's charts as images of their own (`<img>` on 挂图作战 and the leader's home), with the page's
 * filters and reach. Each is drawn once for everyone with the same reach and filters until the next
 * write, with its ETag; the browser keeps it (private) and asks again each time (no-cache), getting 304
 * without the body while nothing changed. No page header here: an image needs no navigation.
 */
@ApiExcludeController()
@Controller('board/charts')
export class BoardChartsController {
  constructor(private readonly page: BoardPage) {}

  /** Each unit's open tasks: on time, due soon, overdue. */
  @Get('units.svg')
  @RequirePermission(Permission.DashboardRead)
  units(@CurrentAccess() access: Access, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(access, req, res, { kind: 'units' });
  }

  /** Completions, new overdue tasks and rectification sign-offs for 12 weeks. */
  @Get('trends.svg')
  @RequirePermission(Permission.DashboardRead)
  trends(@CurrentAccess() access: Access, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(access, req, res, { kind: 'trends' });
  }

  /** One directive's reported values against each unit's target, for a directive on the board's targets (with `targetsAfter`, its page); its id read here, so that a bad one is refused as briefly as a bad filter. */
  @Get('targets/:directiveId.svg')
  @RequirePermission(Permission.DashboardRead)
  target(@CurrentAccess() access: Access, @Param('directiveId') directiveId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(access, req, res, () => ({ kind: 'target', directiveId: DIRECTIVE_ID.transform(directiveId) }));
  }

  /**
   * The drawn chart, or a refusal in a short line of text (an image's error is read by no one but a
   * developer): 400 for a refused filter, 404 for what is out of reach, as on the page.
   */
  private async send(access: Access, req: Request, res: Response, which: BoardChartName | (() => BoardChartName)): Promise<void> {
    let chart;
    try {
      chart = await this.page.chart(access, req.query, typeof which === 'function' ? which() : which);
    } catch (error) {
      const described = describeError(error);
      if (described.unexpected) throw error;
      res.status(described.status).type('text/plain; charset=utf-8').send(described.message);
      return;
    }
    res.setHeader('Cache-Control', 'private, no-cache');
    // Set before sending, so express neither hashes the body again nor misses If-None-Match (304).
    res.setHeader('ETag', chart.etag);
    res.type('image/svg+xml; charset=utf-8').send(chart.svg);
  }
}

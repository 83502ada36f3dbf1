import { Body, Controller, Get, Param, Post, Render, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { CalendarService } from '../calendar/calendar.service';
import { CalendarDateDto, CalendarDayDto, CoverYearDto } from '../calendar/dto/calendar.dto';
import { FormBody, formValue, pageStep } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';

const EMPTY_DAY = { date: '', kind: 'holiday', note: '' };

@ApiExcludeController()
@Controller('calendar')
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class CalendarPagesController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @RequirePermission(Permission.CalendarManage)
  @Render('calendar')
  async page() {
    return { ...(await this.model(EMPTY_DAY)), errors: [] };
  }

  @Post('days')
  @RequirePermission(Permission.CalendarManage)
  setDay(@Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const values = { date: formValue(body.date) ?? '', kind: formValue(body.kind) ?? '', note: formValue(body.note)?.trim() ?? '' };
    return pageStep(req, res, {
      dto: CalendarDayDto,
      values,
      run: (dto) => this.calendar.setDay(dto),
      done: '/calendar',
      flash: `已将 ${values.date} 设为${values.kind === 'holiday' ? '放假日' : '调休上班日'}，未办结事项的期限和催办计划已随之重算。`,
      rerender: async () => ({ view: 'calendar', model: await this.model(values) }),
    });
  }

  @Post('days/:date/delete')
  @RequirePermission(Permission.CalendarManage)
  removeDay(@Param('date') date: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return pageStep(req, res, {
      dto: CalendarDateDto,
      values: { date },
      run: (dto) => this.calendar.removeDay(dto.date),
      done: '/calendar',
      flash: `已删除协调办对 ${date} 的设定。`,
      rerender: async () => ({ view: 'calendar', model: await this.model(EMPTY_DAY) }),
    });
  }

  @Post('years')
  @RequirePermission(Permission.CalendarManage)
  coverYear(@Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    return pageStep(req, res, {
      dto: CoverYearDto,
      values: { year: formValue(body.year)?.trim() ?? '' },
      run: (dto) => this.calendar.coverYear(dto.year),
      done: '/calendar',
      flash: `已确认 ${formValue(body.year)} 年的放假安排录入完毕，该年起可按工作日计算期限。`,
      rerender: async () => ({ view: 'calendar', model: await this.model(EMPTY_DAY) }),
    });
  }

  private async model(form: Record<string, string>) {
    return { title: '工作日历', calendar: await this.calendar.overview(), form };
  }
}

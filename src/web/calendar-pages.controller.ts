import { Body, Controller, Get, Param, Post, Render, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { CalendarService } from '../calendar/calendar.service';
import { CalendarDayDto } from '../calendar/dto/calendar.dto';
import { FieldError } from '../common/validation';
import { FormBody, formValue, parseForm, renderInvalid, submitForm } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';

@ApiExcludeController()
@Controller('calendar')
@UseInterceptors(PageContextInterceptor)
export class CalendarPagesController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @RequirePermission(Permission.CalendarManage)
  @Render('calendar')
  async page() {
    return this.model({ date: '', kind: 'holiday', note: '' }, []);
  }

  @Post('days')
  @RequirePermission(Permission.CalendarManage)
  async setDay(@Body() body: FormBody, @Res() res: Response): Promise<void> {
    const values = { date: formValue(body.date) ?? '', kind: formValue(body.kind) ?? '', note: formValue(body.note)?.trim() ?? '' };
    const model = await this.model(values, []);
    const form = parseForm(CalendarDayDto, values);
    if (!form.ok) return renderInvalid(res, 'calendar', model, form.errors);
    await submitForm(res, 'calendar', model, async () => {
      await this.calendar.setDay(form.value);
      return '/calendar';
    });
  }

  @Post('days/:date/delete')
  @RequirePermission(Permission.CalendarManage)
  async removeDay(@Param('date') date: string, @Res() res: Response): Promise<void> {
    await this.calendar.removeDay(date);
    res.redirect(303, '/calendar');
  }

  @Post('years')
  @RequirePermission(Permission.CalendarManage)
  async coverYear(@Body() body: FormBody, @Res() res: Response): Promise<void> {
    const year = Number(formValue(body.year));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      return renderInvalid(res, 'calendar', await this.model({ date: '', kind: 'holiday', note: '' }, []), [{ field: 'year', message: '年份应在 2000 到 2100 之间' }]);
    }
    await this.calendar.coverYear(year);
    res.redirect(303, '/calendar');
  }

  private async model(form: Record<string, string>, errors: FieldError[]) {
    return { title: '工作日历', calendar: await this.calendar.overview(), form, errors };
  }
}

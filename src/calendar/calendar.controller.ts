import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { DomainError } from '../common/errors/domain-error';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { CalendarService } from './calendar.service';
import { DATE_YEARS, isIsoDate } from '../common/dto/dates';
import { CalendarDayDto, CalendarOverviewView, WorkingDaysQueryDto, WorkingDaysResultView } from './dto/calendar.dto';

@ApiTags('工作日历')
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @RequirePermission(Permission.CalendarRead)
  @ApiOperation({ summary: '工作日历：已覆盖的年份和协调办设定的日期' })
  @ApiOkResponse({ type: CalendarOverviewView })
  overview(): Promise<CalendarOverviewView> {
    return this.calendar.overview();
  }

  @Get('working-days')
  @RequirePermission(Permission.CalendarRead)
  @ApiOperation({ summary: '计算 N 个工作日后的日期', description: '起算日当天不计入，第 N 个工作日即为期限；超出已录入年份时返回 422。' })
  @ApiOkResponse({ type: WorkingDaysResultView })
  @ApiErrorResponse(422, '超出已录入放假安排的年份（CALENDAR_NOT_COVERED）')
  async addWorkingDays(@Query() query: WorkingDaysQueryDto): Promise<WorkingDaysResultView> {
    return { date: (await this.calendar.calendar()).addWorkingDays(query.from, query.days) };
  }

  @Put('days/:date')
  @HttpCode(204)
  @RequirePermission(Permission.CalendarManage)
  @ApiOperation({ summary: '设定放假日或调休上班日（协调办）' })
  @ApiNoContentResponse()
  setDay(@Param('date') date: string, @Body() dto: CalendarDayDto): Promise<void> {
    if (dto.date !== date) throw new DomainError('VALIDATION_FAILED', '地址中的日期与提交的日期不一致', [{ field: 'date', message: '日期与地址中的日期不一致' }]);
    return this.calendar.setDay(dto);
  }

  @Delete('days/:date')
  @HttpCode(204)
  @RequirePermission(Permission.CalendarManage)
  @ApiOperation({ summary: '删除协调办设定的日期' })
  @ApiNoContentResponse()
  removeDay(@Param('date') date: string): Promise<void> {
    if (!isIsoDate(date)) throw new DomainError('VALIDATION_FAILED', '日期应为实际存在的日期，格式为 YYYY-MM-DD', [{ field: 'date', message: '日期应为实际存在的日期，格式为 YYYY-MM-DD' }]);
    return this.calendar.removeDay(date);
  }

  @Put('years/:year')
  @HttpCode(204)
  @RequirePermission(Permission.CalendarManage)
  @ApiOperation({ summary: '确认某年的放假安排已录入完毕（协调办）', description: '之后该年即可按工作日计算期限。' })
  @ApiNoContentResponse()
  coverYear(@Param('year', new ParseIdPipe('年份')) year: number): Promise<void> {
    if (year < DATE_YEARS.first || year > DATE_YEARS.last) throw new DomainError('VALIDATION_FAILED', `年份应在 ${DATE_YEARS.first} 到 ${DATE_YEARS.last} 之间`);
    return this.calendar.coverYear(year);
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { DATE_YEARS, IsIsoDate } from '../../common/dto/dates';
import { Label } from '../../common/dto/label';
import type { DayKind } from '../working-calendar';

export class CalendarDayDto {
  @ApiProperty({ description: '日期 YYYY-MM-DD', example: '2027-02-08' })
  @IsIsoDate()
  @Label('日期')
  date!: string;

  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday 放假；workday 调休上班' })
  @IsIn(['holiday', 'workday'])
  @Label('放假或调休')
  kind!: DayKind;

  @ApiProperty({ description: '说明，如“春节”“调休上班”', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Label('说明')
  note!: string;
}

export class WorkingDaysQueryDto {
  @ApiProperty({ description: '起算日 YYYY-MM-DD（当天不计入）' })
  @IsIsoDate()
  @Label('起算日')
  from!: string;

  @ApiProperty({ description: '工作日数', minimum: 1, maximum: 250 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(250)
  @Label('工作日数')
  days!: number;
}

export class WorkingDaysResultView {
  @ApiProperty({ description: '第 N 个工作日（期限）' })
  date!: string;
}

/** The calendar page's "this year is entered" form. */
export class CoverYearDto {
  @Type(() => Number)
  @IsInt()
  @Min(DATE_YEARS.first)
  @Max(DATE_YEARS.last)
  @Label('年份')
  year!: number;
}

/** A day the office set, to remove it. */
export class CalendarDateDto {
  @IsIsoDate()
  @Label('日期')
  date!: string;
}

export class CoveredYearsView {
  @ApiProperty({ description: '随系统发布的放假安排覆盖的第一年' }) from!: number;
  @ApiProperty({ description: '随系统发布的放假安排覆盖的最后一年' }) to!: number;
}

export class CalendarOverviewView {
  @ApiProperty({ type: CoveredYearsView }) publishedYears!: CoveredYearsView;
  @ApiProperty({ type: [Number], description: '协调办确认已录入放假安排的年份' }) officeYears!: number[];
  @ApiProperty({ description: '可按工作日计算期限的最后一年' }) coveredThrough!: number;
  @ApiProperty({ type: [CalendarDayDto], description: '协调办设定的放假日和调休上班日' }) days!: CalendarDayDto[];
}

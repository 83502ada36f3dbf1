import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsDateString, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { DayKind } from '../working-calendar';

export const ISO_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const IsIsoDate = () => applyDecorators(Matches(ISO_DATE_PATTERN), IsDateString({ strict: true }));

export class CalendarDayDto {
  @ApiProperty({ description: '日期 YYYY-MM-DD', example: '2027-02-08' })
  @IsIsoDate()
  date!: string;

  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday 放假；workday 调休上班' })
  @IsIn(['holiday', 'workday'])
  kind!: DayKind;

  @ApiProperty({ description: '说明，如“春节”“调休上班”', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  note!: string;
}

export class WorkingDaysQueryDto {
  @ApiProperty({ description: '起算日 YYYY-MM-DD（当天不计入）' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ description: '工作日数', minimum: 1, maximum: 250 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(250)
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
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** A day the office set, to remove it. */
export class CalendarDateDto {
  @IsIsoDate()
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

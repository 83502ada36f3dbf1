import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../common/dto/dates';
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

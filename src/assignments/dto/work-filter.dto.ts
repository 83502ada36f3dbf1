import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page.dto';
import { Label } from '../../common/dto/label';
import { EmptyAsUndefined, OptionalQueryFlag, OptionalQueryId } from '../../common/dto/transforms';
import { PRIORITIES, Priority } from '../../directives/directive.entity';
import { ASSIGNMENT_STATUSES, AssignmentStatus } from '../assignment-state';

/** The filters that find work, shared by the directive and the assignment lists. */
export class WorkFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES, description: '任务状态' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(ASSIGNMENT_STATUSES)
  @Label('任务状态')
  status?: AssignmentStatus;

  @ApiPropertyOptional({ description: '承办单位' })
  @OptionalQueryId()
  @Label('承办单位')
  unitId?: number;

  @ApiPropertyOptional({ description: '来源文件' })
  @OptionalQueryId()
  @Label('来源文件')
  sourceDocumentId?: number;

  @ApiPropertyOptional({ description: '类别', maxLength: 50 })
  @IsOptional()
  @EmptyAsUndefined()
  @IsString()
  @MaxLength(50)
  @Label('类别')
  category?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(PRIORITIES)
  @Label('紧急程度')
  priority?: Priority;

  @ApiPropertyOptional({ description: 'true：只看超期的；false：只看未超期的' })
  @OptionalQueryFlag()
  @Label('是否超期')
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'N 个工作日内到期', minimum: 0, maximum: 250 })
  @IsOptional()
  @EmptyAsUndefined()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(250)
  @Label('到期工作日数')
  dueWithin?: number;

  @ApiPropertyOptional({ description: '按事项编号、标题查找', maxLength: 50 })
  @IsOptional()
  @EmptyAsUndefined()
  @IsString()
  @MaxLength(50)
  @Label('查找内容')
  q?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../../calendar/dto/calendar.dto';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { IsOmittable, trim } from '../../common/dto/transforms';
import { AttachmentView } from '../../documents/dto/document.dto';
import { NOTICE_MODES, NoticeMode } from '../../notices/notices.service';
import { FindingDto, RectificationView } from '../../rectifications/dto/rectification.dto';
import { INSPECTION_TYPES, InspectionType } from '../inspection.entity';

export class CreateInspectionDto {
  @ApiProperty({ maxLength: 200, example: '2026年第三季度涉诈风险网点明查暗访' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: INSPECTION_TYPES, description: 'scheduled 例行督导检查；unannounced 明查暗访；special 专项检查' })
  @IsIn(INSPECTION_TYPES)
  type!: InspectionType;

  @ApiProperty({ description: '检查日期 YYYY-MM-DD' })
  @IsIsoDate()
  inspectedOn!: string;

  @ApiProperty({ description: '检查人员', maxLength: 500 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(500)
  inspectors!: string;

  @ApiProperty({ description: '检查情况概述', maxLength: 20000 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(20000)
  summary!: string;

  @ApiProperty({ type: [Number], description: '被检查单位' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Type(() => Number)
  @IsInt({ each: true })
  @Min(1, { each: true })
  unitIds!: number[];

  @ApiPropertyOptional({ type: [FindingDto], description: '发现的问题（也可以之后逐条添加）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FindingDto)
  findings?: FindingDto[];
}

export class IssueInspectionDto {
  @ApiPropertyOptional({ enum: NOTICE_MODES, default: 'none', description: '每个单位一份整改通知书：none 不生成；draft 生成草稿；issue 立即印发' })
  @IsOmittable()
  @IsIn(NOTICE_MODES)
  notices: NoticeMode = 'none';
}

export class InspectionView {
  @ApiProperty() id!: number;
  @ApiProperty({ description: '作为来源文件的编号，可据此立督办事项' }) documentId!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INSPECTION_TYPES }) type!: InspectionType;
  @ApiProperty() typeLabel!: string;
  @ApiProperty() inspectedOn!: string;
  @ApiProperty() inspectors!: string;
  @ApiProperty({ type: [Number] }) unitIds!: number[];
  @ApiProperty({ type: [String] }) unitNames!: string[];
  @ApiProperty({ description: '本账号可见的整改事项数' }) itemCount!: number;
  @ApiProperty() openCount!: number;
  @ApiProperty() overdueCount!: number;
  @ApiProperty() version!: number;
}

export class InspectionDetailView extends InspectionView {
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [AttachmentView], description: '照片、检查记录等' }) attachments!: AttachmentView[];
  @ApiProperty({ type: [RectificationView], description: '本账号可见的整改事项' }) items!: RectificationView[];
}

export class InspectionPage extends PageOf(InspectionView, 'InspectionPage') {}
export class InspectionQueryDto extends PageQueryDto {}

export class AddFindingsDto {
  @ApiProperty({ type: [FindingDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FindingDto)
  findings!: FindingDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../../common/dto/dates';
import { Label } from '../../common/dto/label';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { IsId, IsOmittable, trim } from '../../common/dto/transforms';
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
  @Label('标题')
  title!: string;

  @ApiProperty({ enum: INSPECTION_TYPES, description: 'scheduled 例行督导检查；unannounced 明查暗访；special 专项检查' })
  @IsIn(INSPECTION_TYPES)
  @Label('检查类型')
  type!: InspectionType;

  @ApiProperty({ description: '检查日期 YYYY-MM-DD' })
  @IsIsoDate()
  @Label('检查日期')
  inspectedOn!: string;

  @ApiProperty({ description: '检查人员', maxLength: 500 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(500)
  @Label('检查人员')
  inspectors!: string;

  @ApiProperty({ description: '检查情况概述', maxLength: 20000 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(20000)
  @Label('检查情况', { multiline: true })
  summary!: string;

  @ApiProperty({ type: [Number], description: '被检查单位' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsId({ each: true })
  @Label('被检查单位')
  unitIds!: number[];

  @ApiPropertyOptional({ type: [FindingDto], description: '发现的问题（也可以之后逐条添加）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FindingDto)
  @Label('发现的问题', { item: '第{n}个问题' })
  findings?: FindingDto[];
}

export class IssueInspectionDto {
  @ApiPropertyOptional({ enum: NOTICE_MODES, default: 'none', description: '每个单位一份整改通知书：none 不生成；draft 生成草稿；issue 立即印发' })
  @IsOmittable()
  @IsIn(NOTICE_MODES)
  @Label('整改通知书')
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
  @Label('发现的问题', { item: '第{n}个问题' })
  findings!: FindingDto[];
}

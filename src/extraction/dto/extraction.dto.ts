import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsId, trim } from '../../common/dto/transforms';
import { IsIsoDate } from '../../common/dto/dates';
import { Label } from '../../common/dto/label';
import { CreateDirectiveDto, DirectiveView } from '../../directives/dto/directive.dto';
import { BODY_MAX_LENGTH } from '../../documents/dto/document.dto';

/** The longest text analysed at once, so any registered document is read whole; beyond it the request answers 413. */
export const MAX_TEXT_LENGTH = BODY_MAX_LENGTH;
/** The most proposals created as directives in one request. */
export const MAX_ACCEPTED = 200;

const REPORTING_CYCLES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
const TARGET_COMPARATORS = ['>=', '<=', '='] as const;

export class ExtractTextDto {
  @ApiProperty({ description: `要分解的全文（纯文本，最多 ${MAX_TEXT_LENGTH} 个字符，超出时答复 413）`, example: '一、全面推广国家反诈中心APP。6月底前完成全市社区覆盖（市公安局牵头，市通信管理局配合）。' })
  @IsString()
  @Matches(/\S/, { message: '不能为空' })
  @Label('全文', { multiline: true })
  text!: string;

  @ApiProperty({ description: '文件日期 YYYY-MM-DD；“6月底前”“10个工作日内”等相对期限按它推算', example: '2026-03-09' })
  @IsIsoDate()
  @Label('文件日期')
  documentDate!: string;
}

export class ExtractedOwnerView {
  @ApiProperty({ description: '原文中的写法' }) text!: string;
  @ApiProperty({ type: Number, nullable: true, description: '匹配到的单位 ID（按全称、简称或别名），未匹配为 null' }) unitId!: number | null;
}

export class ExtractedDeadlineView {
  @ApiProperty({ type: String, nullable: true, description: '原文中的期限写法' }) text!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '推算出的日期 YYYY-MM-DD' }) date!: string | null;
  @ApiProperty({ enum: REPORTING_CYCLES, nullable: true, description: '定期报送的周期' }) cycle!: (typeof REPORTING_CYCLES)[number] | null;
}

export class ExtractedTargetView {
  @ApiProperty({ description: '原文中的目标写法' }) text!: string;
  @ApiProperty({ description: '指标' }) metric!: string;
  @ApiProperty({ enum: TARGET_COMPARATORS }) comparator!: (typeof TARGET_COMPARATORS)[number];
  @ApiProperty() value!: number;
  @ApiProperty({ type: String, nullable: true, description: '计量单位，如 %' }) unit!: string | null;
}

export class ExtractedTaskView {
  @ApiProperty({ description: '简短的工作要求' }) requirement!: string;
  @ApiProperty({ description: '原文起始位置（字符偏移，含）' }) start!: number;
  @ApiProperty({ description: '原文结束位置（字符偏移，不含）' }) end!: number;
  @ApiProperty({ description: '原文，即 text.slice(start, end)' }) paragraph!: string;
  @ApiProperty({ type: [ExtractedOwnerView], description: '牵头单位' }) leadUnits!: ExtractedOwnerView[];
  @ApiProperty({ type: [ExtractedOwnerView], description: '配合单位' }) cooperatingUnits!: ExtractedOwnerView[];
  @ApiProperty({ type: ExtractedDeadlineView }) deadline!: ExtractedDeadlineView;
  @ApiProperty({ type: ExtractedTargetView, nullable: true, description: '量化目标' }) target!: ExtractedTargetView | null;
  @ApiProperty({ description: '把握程度 0–1' }) confidence!: number;
}

export class ExtractionView {
  @ApiProperty({ type: [ExtractedTaskView], description: '建议的督办事项，按原文顺序' }) items!: ExtractedTaskView[];
}

/** One accepted proposal, with the office's edits: a directive of the document, at its span. */
export class AcceptedProposalDto extends OmitType(CreateDirectiveDto, ['sourceDocumentId', 'sourceExcerpt', 'sourceStart', 'sourceEnd'] as const) {
  @ApiProperty({ description: '原文在文件全文中的起始位置（字符偏移，含），取自分解结果', minimum: 0 })
  @IsInt()
  @Min(0)
  @Label('原文起始位置')
  start!: number;

  @ApiProperty({ description: '原文结束位置（字符偏移，不含）', minimum: 1 })
  @IsInt()
  @Min(1)
  @Label('原文结束位置')
  end!: number;

  @ApiPropertyOptional({ description: '这句话已据本文件下达过（同一原文位置）时，确需再次下达才设为 true；否则整批答复 409 ALREADY_ISSUED，不下达任何一项' })
  @IsOptional()
  @IsBoolean()
  @Label('仍要再次下达')
  reissue?: boolean;
}

export class AcceptProposalsDto {
  @ApiProperty({ type: [AcceptedProposalDto], description: `采纳的建议（可修改后提交），1–${MAX_ACCEPTED} 项，在一个事务中全部下达或全部不下达` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ACCEPTED)
  @ValidateNested({ each: true })
  @Type(() => AcceptedProposalDto)
  @Label('采纳的建议', { item: '第{n}项建议' })
  items!: AcceptedProposalDto[];
}

export class CreatedDirectivesView {
  @ApiProperty({ type: [DirectiveView], description: '下达的督办事项，按提交顺序' }) items!: DirectiveView[];
}

/** An owner as a document writes it, remembered as another name of a unit (from the review page). */
export class RememberAliasDto {
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(100)
  @Label('原文写法')
  alias!: string;

  @IsId()
  @Label('对应单位')
  unitId!: number;
}

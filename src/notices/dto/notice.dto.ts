import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { EmptyAsUndefined, OptionalQueryId, trim } from '../../common/dto/transforms';
import { NOTICE_STATUSES, NoticeStatus } from '../notice.entity';
import { NOTICE_KINDS, NoticeKind } from '../notice-templates';

/** A required line of text on the document. */
function Text(max: number) {
  return (target: object, key: string) => {
    IsString()(target, key);
    Transform(trim)(target, key);
    IsNotEmpty({ message: '不能为空' })(target, key);
    MaxLength(max)(target, key);
  };
}

function TextList(max: number, items: number) {
  return (target: object, key: string) => {
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(items)(target, key);
    IsString({ each: true })(target, key);
    IsNotEmpty({ each: true, message: '不能为空' })(target, key);
    MaxLength(max, { each: true })(target, key);
  };
}

/** The fields of each kind, as they must be before the notice is issued. */
export class SupervisionContentDto {
  @Text(200) directiveTitle!: string;
  @Text(20) directiveCode!: string;
  @Text(2000) requirement!: string;
  @Text(20) deadline!: string;
  @Text(20) asOf!: string;
  @IsInt() @Min(0) @Max(10000) overdueDays!: number;
  @Text(20) progress!: string;
  @Text(20) replyBy!: string;
  @IsString() @MaxLength(100) contact!: string;
}

export class OverdueItemDto {
  @Text(100) unitName!: string;
  @Text(20) directiveCode!: string;
  @Text(200) directiveTitle!: string;
  @Text(20) deadline!: string;
  @IsInt() @Min(0) @Max(10000) overdueDays!: number;
  @Text(20) progress!: string;
}

export class CircularContentDto {
  @Text(2000) summary!: string;
  @Text(20) asOf!: string;

  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => OverdueItemDto)
  lagging!: OverdueItemDto[];

  @TextList(500, 20) requirements!: string[];
}

export class InterviewContentDto {
  @Text(500) reason!: string;
  @Text(50) time!: string;
  @Text(100) place!: string;
  @Text(50) summoned!: string;
  @Text(200) attendees!: string;
  @TextList(200, 20) bring!: string[];
  @Text(100) contact!: string;
}

export class ProblemDto {
  @Text(100) where!: string;
  // Room for an item's own deadline after the problem as found (up to 1000 characters).
  @Text(1100) what!: string;
  @IsString() @MaxLength(200) rule!: string;
}

export class RectificationContentDto {
  @Text(1000) intro!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProblemDto)
  problems!: ProblemDto[];

  // Every item's requirements, as many as an inspection's findings may carry.
  @TextList(500, 2000) requirements!: string[];
  @Text(20) deadline!: string;
  @Text(20) reportBy!: string;
  @Text(20) recheckOn!: string;
  @IsString() @MaxLength(100) contact!: string;
}

export const CONTENT_DTOS: Record<NoticeKind, new () => object> = {
  supervision_notice: SupervisionContentDto,
  circular: CircularContentDto,
  interview_letter: InterviewContentDto,
  rectification_notice: RectificationContentDto,
};

export class CreateNoticeDto {
  @ApiProperty({ enum: NOTICE_KINDS })
  @IsIn(NOTICE_KINDS)
  kind!: NoticeKind;

  @ApiPropertyOptional({ description: '依据的任务（督办通知书、约谈通知书、整改通知书必填；通报由当前逾期清单生成）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  assignmentId?: number;

  @ApiPropertyOptional({ description: '依据的整改事项（督办通知书、约谈通知书、整改通知书）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  rectificationId?: number;

  @ApiPropertyOptional({ description: '整改通知书：依据的督导检查，与 unitId 一起，列出该单位在这次检查中的全部整改事项' })
  @IsOptional()
  @IsInt()
  @Min(1)
  inspectionId?: number;

  @ApiPropertyOptional({ description: '整改通知书：受文单位（与 inspectionId 一起）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional({ description: '更正：被作废的通知，新草稿沿用其内容' })
  @IsOptional()
  @IsInt()
  @Min(1)
  replacesId?: number;
}

export class UpdateNoticeDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Text(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Text(200)
  addressee?: string;

  @ApiPropertyOptional({ type: [String], description: '抄送' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  copyTo?: string[];

  @ApiPropertyOptional({ description: '该类通知的正文字段（整体替换），印发前须完整' })
  @IsOptional()
  @IsObject()
  content?: Record<string, unknown>;
}

export class IssueNoticeDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}

export class VoidNoticeDto {
  @ApiProperty({ description: '作废理由（必填）', maxLength: 500 })
  @Text(500)
  reason!: string;
}

export class NoticeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTICE_KINDS })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(NOTICE_KINDS)
  kind?: NoticeKind;

  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(NOTICE_STATUSES)
  status?: NoticeStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @EmptyAsUndefined()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional()
  @OptionalQueryId()
  assignmentId?: number;
}

export class NoticeRecipientView {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['to', 'cc'] }) role!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: Number }) unitId!: number | null;
  @ApiProperty({ nullable: true, type: Number }) userId!: number | null;
  @ApiProperty({ nullable: true, type: Date, description: '签收时间；未签收为 null' }) acknowledgedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: '签收人；未签收为 null' }) acknowledgedByName!: string | null;
  @ApiProperty({ description: '有无可以签收的账号（单位须有启用的联络员账号）' }) reachable!: boolean;
}

export class NoticeView {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: NoticeKind;
  @ApiProperty({ enum: NOTICE_STATUSES }) status!: NoticeStatus;
  @ApiProperty({ nullable: true, type: String, description: '文号，如 反诈办督〔2026〕12号；草稿为 null' }) number!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() addressee!: string;
  @ApiProperty({ type: [String] }) copyTo!: string[];
  @ApiProperty({ type: Object }) content!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Number }) assignmentId!: number | null;
  @ApiProperty({ nullable: true, type: Number }) replacesId!: number | null;
  @ApiProperty({ nullable: true, type: String }) issuedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '已生成 PDF 的 SHA-256' }) pdfSha256!: string | null;
  @ApiProperty({ nullable: true, type: String }) voidReason!: string | null;
  @ApiProperty({ type: [NoticeRecipientView] }) recipients!: NoticeRecipientView[];
  @ApiProperty() version!: number;
}

export class NoticePage extends PageOf(NoticeView, 'NoticePage') {}

export class IssuerDto {
  @ApiProperty({ description: '版本号；从未设置过为 0' })
  @IsInt()
  @Min(0)
  version!: number;

  @ApiProperty({ description: '机关代字，如 反诈办督（文号为 反诈办督〔2026〕12号）', maxLength: 20 })
  @Text(20)
  @Matches(/^[^〔〕\[\]\s]+$/, { message: '不能含括号或空格' })
  code!: string;

  @ApiProperty({ description: '发文机关全称（红头与落款）', maxLength: 100 })
  @Text(100)
  name!: string;
}

export class IssuerView {
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: NoticeKind;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '是否仍为默认（协调办简称加类别字）' }) isDefault!: boolean;
  @ApiProperty() version!: number;
}

export class ChaseView {
  @ApiProperty({ description: '本次催签的接收方数' }) reminded!: number;
}

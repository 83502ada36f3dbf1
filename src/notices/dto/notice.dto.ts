import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DATE_YEARS } from '../../common/dto/dates';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { Label, LabelOptions } from '../../common/dto/label';
import { EmptyAsUndefined, IsId, OptionalQueryId, trim } from '../../common/dto/transforms';
import { NOTICE_STATUSES, NoticeStatus } from '../notice.entity';
import { NOTICE_FORMATS, NOTICE_KINDS, NoticeFormat, NoticeKind, SUPERVISION_SUBJECTS, SupervisionSubject } from '../notice-templates';
import { PDF_STATUSES, PdfStatus } from '../render-retry';

/** A required text on the document, named as the edit form names it. */
function Text(label: string, max: number, options: LabelOptions = {}) {
  return (target: object, key: string) => {
    IsString()(target, key);
    Transform(trim)(target, key);
    IsNotEmpty({ message: '不能为空' })(target, key);
    MaxLength(max)(target, key);
    Label(label, options)(target, key);
  };
}

/** A required list of lines; `item` names one of them (`第{n}条有关要求`). */
function TextList(label: string, item: string, max: number, items: number) {
  return (target: object, key: string) => {
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(items)(target, key);
    IsString({ each: true })(target, key);
    IsNotEmpty({ each: true, message: '不能为空' })(target, key);
    MaxLength(max, { each: true })(target, key);
    Label(label, { item })(target, key);
  };
}

/** A required count printed on the document. */
const Days = (label: string) => applyDecorators(IsInt(), Min(0), Max(10000), Label(label));
/** The contact line, which may be left blank. */
const Contact = () => applyDecorators(IsString(), MaxLength(100), Label('联系人'));

/** The fields of each kind, as they must be before the notice is issued. */
export class SupervisionContentDto {
  @IsIn(SUPERVISION_SUBJECTS) @Label('督办对象', { fixed: true }) subject!: SupervisionSubject;
  @Text('承办方式', 10) role!: string;
  @Text('督办事项', 1300) directiveTitle!: string;
  @Text('事项编号', 20) directiveCode!: string;
  @Text('工作要求', 2000, { multiline: true }) requirement!: string;
  @Text('办理时限', 20) deadline!: string;
  @Text('统计截至', 20) asOf!: string;
  @Days('逾期工作日数') overdueDays!: number;
  @Text('完成进度', 20) progress!: string;
  @Text('书面报告期限', 20) replyBy!: string;
  @Contact() contact!: string;
}

export class OverdueItemDto {
  @Text('单位', 100) unitName!: string;
  @Text('事项编号', 20) directiveCode!: string;
  @Text('督办事项', 1300) directiveTitle!: string;
  @Text('办理时限', 20) deadline!: string;
  @Days('逾期工作日数') overdueDays!: number;
  @Text('完成进度', 20) progress!: string;
}

export class CircularContentDto {
  @Text('导语', 2000, { multiline: true }) summary!: string;
  @Text('统计截至', 20) asOf!: string;

  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => OverdueItemDto)
  @Label('逾期事项', { item: '第{n}项逾期事项' })
  lagging!: OverdueItemDto[];

  @TextList('有关要求', '第{n}条有关要求', 500, 20) requirements!: string[];
}

export class InterviewContentDto {
  @Text('约谈事由', 1500, { multiline: true }) reason!: string;
  @Text('约谈时间', 50) time!: string;
  @Text('约谈地点', 100) place!: string;
  @Text('约谈对象', 50) summoned!: string;
  @Text('参加人员', 200) attendees!: string;
  @TextList('需携带的材料', '第{n}项需携带的材料', 200, 20) bring!: string[];
  @Text('联系人', 100) contact!: string;
}

export class ProblemDto {
  @Text('地点', 100) where!: string;
  // Room for an item's own deadline after the problem as found (up to 1000 characters).
  @Text('问题描述', 1100, { multiline: true }) what!: string;
  @IsString() @MaxLength(200) @Label('违反的规定') rule!: string;
}

export class RectificationContentDto {
  @Text('导语', 1000, { multiline: true }) intro!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProblemDto)
  @Label('发现的问题', { item: '第{n}个问题' })
  problems!: ProblemDto[];

  // Every item's requirements, as many as an inspection's findings may carry.
  @TextList('整改要求', '第{n}条整改要求', 500, 2000) requirements!: string[];
  @Text('整改时限', 20) deadline!: string;
  @Text('整改报告期限', 20) reportBy!: string;
  @Text('复查时间', 20) recheckOn!: string;
  @Contact() contact!: string;
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
  @Label('通知类型')
  kind!: NoticeKind;

  @ApiPropertyOptional({ description: '依据的任务（督办通知书、约谈通知书、整改通知书必填；通报由当前逾期清单生成）' })
  @IsOptional()
  @IsId()
  @Label('任务')
  assignmentId?: number;

  @ApiPropertyOptional({ description: '依据的整改事项（督办通知书、约谈通知书、整改通知书）' })
  @IsOptional()
  @IsId()
  @Label('整改事项')
  rectificationId?: number;

  @ApiPropertyOptional({ description: '整改通知书：依据的督导检查，与 unitId 一起，列出该单位在这次检查中的全部整改事项' })
  @IsOptional()
  @IsId()
  @Label('督导检查')
  inspectionId?: number;

  @ApiPropertyOptional({ description: '整改通知书：受文单位（与 inspectionId 一起）' })
  @IsOptional()
  @IsId()
  @Label('受文单位')
  unitId?: number;

  @ApiPropertyOptional({ description: '更正：被作废的通知，新草稿沿用其内容' })
  @IsOptional()
  @IsId()
  @Label('被更正的通知')
  replacesId?: number;
}

export class UpdateNoticeDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Label('版本号')
  version!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Text('标题', 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Text('主送机关', 200)
  addressee?: string;

  @ApiPropertyOptional({ type: [String], description: '抄送' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @Label('抄送', { item: '第{n}个抄送对象' })
  copyTo?: string[];

  @ApiPropertyOptional({ description: '该类通知的正文字段（整体替换），印发前须完整' })
  @IsOptional()
  @IsObject()
  @Label('正文')
  content?: Record<string, unknown>;
}

export class IssueNoticeDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Label('版本号')
  version!: number;
}

export class VoidNoticeDto {
  @ApiProperty({ description: '作废理由（必填）', maxLength: 500 })
  @Text('作废理由', 500, { multiline: true })
  reason!: string;
}

export class NoticeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTICE_KINDS })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(NOTICE_KINDS)
  @Label('通知类型')
  kind?: NoticeKind;

  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(NOTICE_STATUSES)
  @Label('状态')
  status?: NoticeStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @EmptyAsUndefined()
  @Type(() => Number)
  @IsInt()
  @Min(DATE_YEARS.first)
  @Max(DATE_YEARS.last)
  @Label('年份')
  year?: number;

  @ApiPropertyOptional()
  @OptionalQueryId()
  @Label('任务')
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
  @ApiProperty({ enum: PDF_STATUSES, nullable: true, description: 'PDF 状态：pending 生成中，ready 已生成，failing 生成失败、等待自动重试；草稿为 null' }) pdfStatus!: PdfStatus | null;
  @ApiProperty({ description: 'PDF 生成已失败的次数' }) pdfFailures!: number;
  @ApiProperty({ nullable: true, type: Date, description: '生成失败时下次自动重试的时间；否则为 null' }) pdfRetryAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) voidReason!: string | null;
  @ApiProperty({ nullable: true, enum: NOTICE_FORMATS, description: '印发时的版式；草稿为 null（按该类通知当前的版式预览）' }) format!: NoticeFormat | null;
  @ApiProperty({ nullable: true, type: String, description: '印发时加盖的印章图像的 SHA-256；未加盖或草稿为 null' }) sealSha256!: string | null;
  @ApiProperty({ type: [NoticeRecipientView] }) recipients!: NoticeRecipientView[];
  @ApiProperty() version!: number;
}

export class NoticePage extends PageOf(NoticeView, 'NoticePage') {}

/** The version of an office setting the change was made on (0 if never set), so two clerks do not overwrite each other. */
export class SettingVersionDto {
  @ApiProperty({ description: '版本号；从未设置过为 0' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Label('版本号')
  version!: number;
}

export class IssuerDto extends SettingVersionDto {
  @ApiProperty({ description: '机关代字，如 反诈办督（文号为 反诈办督〔2026〕12号）', maxLength: 20 })
  @Text('机关代字', 20)
  @Matches(/^[^〔〕\[\]\s]+$/, { message: '不能含括号或空格' })
  code!: string;

  @ApiProperty({ description: '发文机关全称（红头与落款）', maxLength: 100 })
  @Text('发文机关全称', 100)
  name!: string;

  @ApiPropertyOptional({ enum: NOTICE_FORMATS, description: '版式：standard 公文格式，letter 信函格式（GB/T 9704 第 10.1 条）；不填则不变' })
  @IsOptional()
  @IsIn(NOTICE_FORMATS)
  @Label('版式')
  format?: NoticeFormat;
}

export class IssuerView {
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: NoticeKind;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: NOTICE_FORMATS, description: '此后印发使用的版式：standard 公文格式，letter 信函格式' }) format!: NoticeFormat;
  @ApiProperty({ description: '是否仍为默认（协调办简称加类别字）' }) isDefault!: boolean;
  @ApiProperty() version!: number;
}

export class ChaseView {
  @ApiProperty({ description: '本次催签的接收方数' }) reminded!: number;
}

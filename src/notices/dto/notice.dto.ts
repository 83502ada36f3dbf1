import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DATE_YEARS } from '../../common/dto/dates';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { Label } from '../../common/dto/label';
import { EmptyAsUndefined, IsId, OptionalQueryId } from '../../common/dto/transforms';
import { NOTICE_KINDS } from '../kinds';
import { NOTICE_STATUSES, NoticeStatus } from '../notice.entity';
import { Text } from '../notice-fields';
import { NOTICE_FORMATS, NoticeFormat } from '../notice-templates';
import { PDF_STATUSES, PdfStatus } from '../render-retry';

export class CreateNoticeDto {
  // Which kinds there are is the registry's to say (NoticeKinds.get refuses others); the document lists the built-in ones.
  @ApiProperty({ enum: NOTICE_KINDS })
  @IsString()
  @IsNotEmpty()
  @MaxLength(24)
  @Label('通知类型')
  kind!: string;

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
  @IsString()
  @MaxLength(24)
  @Label('通知类型')
  kind?: string;

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
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: string;
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
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: NOTICE_FORMATS, description: '此后印发使用的版式：standard 公文格式，letter 信函格式' }) format!: NoticeFormat;
  @ApiProperty({ description: '是否仍为默认（协调办简称加类别字）' }) isDefault!: boolean;
  @ApiProperty() version!: number;
}

export class ChaseView {
  @ApiProperty({ description: '本次催签的接收方数' }) reminded!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsIsoDate } from '../../common/dto/dates';
import { Label } from '../../common/dto/label';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { EmptyAsUndefined, OptionalQueryId, trim } from '../../common/dto/transforms';
import { DOCUMENT_KINDS, DocumentKind, SourceDocument } from '../source-document.entity';

/** The longest body a document keeps: as long a text as 任务分解 reads at once (the column is MEDIUMTEXT on MySQL). */
export const BODY_MAX_LENGTH = 200_000;

export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'minutes 会议纪要；speech 领导讲话；policy 政策文件；instruction 领导批示；suggestion 建议提案；inspection 督导检查' })
  @IsIn(DOCUMENT_KINDS)
  @Label('文件类型')
  kind!: DocumentKind;

  @ApiProperty({ maxLength: 200, example: '全市打击治理电信网络诈骗工作推进会会议纪要' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(200)
  @Label('标题')
  title!: string;

  @ApiPropertyOptional({ description: '文号，如 云反诈办〔2026〕3号；填写时不能与已有文件重复', maxLength: 60, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(60)
  @Label('文号')
  docNumber?: string | null;

  @ApiProperty({ description: '发文或主持单位', maxLength: 100 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(100)
  @Label('发文单位')
  issuer!: string;

  @ApiProperty({ description: '日期 YYYY-MM-DD', example: '2026-03-09' })
  @IsIsoDate()
  @Label('日期')
  issuedOn!: string;

  @ApiPropertyOptional({ description: '为 true 时，全文取自随附的 Word（.docx）或带文字层的 PDF 文件（multipart 字段 files），不再填写 body；扫描件 PDF 没有文字，答复 422', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  @Label('从文件读取全文')
  bodyFromFile?: boolean;

  @ApiProperty({ description: `全文（bodyFromFile 为 true 时不填）`, maxLength: BODY_MAX_LENGTH })
  @ValidateIf((dto: CreateDocumentDto) => !dto.bodyFromFile)
  @IsString()
  @Matches(/\S/, { message: '不能为空' })
  @MaxLength(BODY_MAX_LENGTH, { message: ({ value }) => `有 ${String(value).length} 个字符，不能超过 ${BODY_MAX_LENGTH} 个字符；请拆分后分别登记` })
  @Label('全文', { multiline: true })
  body!: string;
}

export class DocumentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(DOCUMENT_KINDS)
  @Label('文件类型')
  kind?: DocumentKind;

  @ApiPropertyOptional({ description: '按标题、文号查找', maxLength: 50 })
  @IsOptional()
  @EmptyAsUndefined()
  @IsString()
  @MaxLength(50)
  @Label('查找内容')
  q?: string;
}

export class AttachmentView {
  @ApiProperty() id!: number;
  @ApiProperty({ description: '文件名（已清理）' }) fileName!: string;
  @ApiProperty({ description: '按内容识别的类型' }) mediaType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: '下载地址' }) url!: string;
}

export class DocumentView {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) docNumber!: string | null;
  @ApiProperty() issuer!: string;
  @ApiProperty() issuedOn!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ description: '乐观锁版本号' }) version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;

  static of(document: SourceDocument): DocumentView {
    return Object.assign(new DocumentView(), {
      id: document.id,
      kind: document.kind,
      title: document.title,
      docNumber: document.docNumber,
      issuer: document.issuer,
      issuedOn: document.issuedOn,
      body: document.body,
      version: document.version,
      createdAt: document.createdAt,
    });
  }
}

export class DirectiveSummaryView {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) sourceExcerpt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '原文在全文中的起始位置（字符偏移）' }) sourceStart!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '原文在全文中的结束位置（不含）' }) sourceEnd!: number | null;
}

/** The document page, optionally showing where one of its directives was taken from. */
export class DocumentShowQueryDto {
  @ApiPropertyOptional({ description: '突出显示该督办事项的原文' })
  @OptionalQueryId()
  @Label('督办事项')
  directive?: number;
}

export class DocumentDetailView extends DocumentView {
  @ApiProperty({ type: [DirectiveSummaryView], description: '由该文件产生的督办事项' }) directives!: DirectiveSummaryView[];
  @ApiProperty({ type: [AttachmentView] }) attachments!: AttachmentView[];
}

export class DocumentPage extends PageOf(DocumentView, 'DocumentPage') {}


import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Label } from '../../common/dto/label';
import { IMPORT_KINDS, ImportKind } from '../import-preview.entity';

export class ConfirmImportDto {
  @ApiProperty({ description: '预览时返回的 token（预览保留一天，仅本人可确认）', format: 'uuid' })
  @IsString()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  @Label('预览凭据')
  token!: string;
}

export class ImportColumnView {
  @ApiProperty({ description: '列的代号，与 cells、errors 中的 column 对应' }) key!: string;
  @ApiProperty({ description: '列名（中文）' }) label!: string;
  @ApiProperty({ description: '文件中是否找到这一列' }) found!: boolean;
}

export class ImportCellErrorView {
  @ApiProperty({ description: '列的代号' }) column!: string;
  @ApiProperty({ description: '问题（中文）' }) message!: string;
}

export class ImportRowView {
  @ApiProperty({ description: '在工作表中的行号' }) row!: number;
  @ApiProperty({ description: '各列读到的内容（文字；日期为 YYYY-MM-DD）', type: 'object', additionalProperties: { type: 'string' } }) cells!: Record<string, string>;
  @ApiProperty({ description: '将要创建的内容（如匹配到的单位、解析出的期限和目标）', type: 'object', additionalProperties: true }) view!: object;
  @ApiProperty({ type: [ImportCellErrorView], description: '本行各单元格的问题；为空则本行可以导入' }) errors!: ImportCellErrorView[];
}

export class ImportPreviewView {
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: ImportKind;
  @ApiPropertyOptional({ type: String, nullable: true, description: '所有行都无误时给出，凭此确认导入；有错误时为空' }) token!: string | null;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: '读取的工作表' }) sheetName!: string;
  @ApiProperty({ type: [ImportColumnView] }) columns!: ImportColumnView[];
  @ApiProperty({ type: [ImportRowView] }) rows!: ImportRowView[];
  @ApiProperty({ description: '有问题的行数' }) errorCount!: number;
}

export class ImportResultView {
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: ImportKind;
  @ApiProperty({ description: '创建的条数' }) created!: number;
  @ApiProperty() fileName!: string;
}

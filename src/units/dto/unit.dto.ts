import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { Label } from '../../common/dto/label';
import { EmptyAsUndefined, IsId, IsOmittable, trim } from '../../common/dto/transforms';
import { Unit, UNIT_KINDS, UnitKind } from '../unit.entity';

/** How many other names one unit may have. */
export const MAX_ALIASES = 20;

export class ContactDto {
  @ApiPropertyOptional({ description: '联系人', maxLength: 50, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @Transform(trim)
  @Label('联系人')
  person?: string | null;

  @ApiPropertyOptional({ description: '联系电话', maxLength: 30, nullable: true, type: String, example: '0571-12345678' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  @Matches(/^[0-9+\-() ]*$/)
  @Label('联系电话')
  phone?: string | null;

  @ApiPropertyOptional({ description: '电子邮箱', maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @IsEmail()
  @MaxLength(100)
  @Label('电子邮箱')
  email?: string | null;

  @ApiPropertyOptional({ description: '地址', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Transform(trim)
  @Label('地址')
  address?: string | null;
}

export class CreateUnitDto {
  @ApiProperty({ description: '单位全称，唯一', maxLength: 100, example: '市公安局' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(100)
  @Label('单位全称')
  name!: string;

  @ApiProperty({ description: '简称，用于列表和通报', maxLength: 30, example: '公安局' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(30)
  @Label('简称')
  shortName!: string;

  @ApiProperty({ description: '单位类别', enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  @Label('单位类别')
  kind!: UnitKind;

  @ApiPropertyOptional({ description: '上级单位 ID', type: Number, nullable: true })
  @IsOptional()
  @IsId()
  @Label('上级单位')
  parentId?: number | null;

  @ApiPropertyOptional({ description: '联系方式', type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  @Label('联系方式', { prefix: false })
  contact?: ContactDto;

  @ApiPropertyOptional({ description: '是否启用', default: true })
  @IsOmittable()
  @IsBoolean()
  @Label('是否启用')
  active?: boolean;

  @ApiPropertyOptional({ type: [String], description: '别名：文件中对该单位的其他写法（如“人民银行”），用于任务分解时匹配单位；修改时整体替换。每个别名只能属于一个单位', example: ['公安机关'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_ALIASES)
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value))
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  @ArrayUnique()
  @Label('别名')
  aliases?: string[];
}

/** Every field optional; null only where the create DTO allows it (a required field cannot be nulled). */
export class UpdateUnitDto extends PartialType(CreateUnitDto, { skipNullProperties: false }) {}

export class UnitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '按名称或简称查找', maxLength: 50 })
  @IsOptional()
  @EmptyAsUndefined()
  @IsString()
  @MaxLength(50)
  @Label('查找内容')
  q?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(UNIT_KINDS)
  @Label('单位类别')
  kind?: UnitKind;

  @ApiPropertyOptional({ description: '只看启用（true）或停用（false）的单位' })
  @IsOptional()
  @EmptyAsUndefined()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  @Label('是否启用')
  active?: boolean;
}

export class ContactView {
  @ApiProperty({ type: String, nullable: true }) person!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
}

export class UnitView {
  @ApiProperty() id!: number;
  @ApiProperty({ description: '单位全称' }) name!: string;
  @ApiProperty({ description: '简称' }) shortName!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ type: Number, nullable: true, description: '上级单位 ID' }) parentId!: number | null;
  @ApiProperty({ type: ContactView }) contact!: ContactView;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [String], description: '别名' }) aliases!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;

  static of(unit: Unit, aliases: string[] = []): UnitView {
    return Object.assign(new UnitView(), {
      id: unit.id,
      name: unit.name,
      shortName: unit.shortName,
      kind: unit.kind,
      parentId: unit.parentId,
      contact: { person: unit.contactPerson, phone: unit.contactPhone, email: unit.contactEmail, address: unit.address },
      active: unit.active,
      aliases,
      createdAt: unit.createdAt,
      updatedAt: unit.updatedAt,
    });
  }
}

export class UnitPage extends PageOf(UnitView, 'UnitPage') {}

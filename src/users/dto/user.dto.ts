import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '../../access/actor';
import { PASSWORD_ADVICE, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password-policy';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { Label } from '../../common/dto/label';
import { OptionalQueryId, EmptyAsUndefined, IsId, IsOmittable } from '../../common/dto/transforms';
import type { User } from '../user.entity';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export class CreateUserDto {
  @ApiProperty({ description: '登录名：3–32 位小写字母、数字、点、横线或下划线', example: 'unit-police' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: '应为 3–32 位小写字母、数字、点、横线或下划线，并以字母或数字开头' })
  @Label('登录名')
  username!: string;

  @ApiProperty({ description: '姓名或显示名', maxLength: 50, example: '张三' })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty()
  @MaxLength(50)
  @Label('姓名')
  displayName!: string;

  @ApiProperty({ enum: ROLES, description: 'office 协调办；unit 成员单位联络员；leader 领导' })
  @IsIn(ROLES)
  @Label('角色')
  role!: Role;

  @ApiPropertyOptional({ description: '所属单位 ID；协调办和成员单位账号必填，领导可不填', type: Number, nullable: true })
  @IsOptional()
  @IsId()
  @Label('所属单位')
  unitId?: number | null;

  @ApiPropertyOptional({ description: '手机或座机', maxLength: 30, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  @Matches(/^[0-9+\-() ]*$/, { message: '只能含数字、空格和 + - ( )' })
  @Label('电话')
  phone?: string | null;

  @ApiPropertyOptional({ description: '电子邮箱', maxLength: 100, type: String, nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(100)
  @Label('电子邮箱')
  email?: string | null;

  // The length is refused here with the other fields; the whole rule (username, common passwords) by the service.
  @ApiProperty({ description: `初始密码。${PASSWORD_ADVICE}`, minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  @Label('初始密码', { verbatim: true })
  password!: string;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  @Label('是否启用')
  active?: boolean;
}

/** Every field optional; null only where the create DTO allows it (a required field cannot be nulled). */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['username', 'password'] as const), { skipNullProperties: false }) {}

export class SetPasswordDto {
  // The length is refused here; the whole rule (username, common passwords) by the service.
  @ApiProperty({ description: `新密码。${PASSWORD_ADVICE}`, minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  @Label('新密码', { verbatim: true })
  newPassword!: string;
}

export class ChangeOwnPasswordDto extends SetPasswordDto {
  @ApiProperty({ description: '当前密码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  @Label('当前密码', { verbatim: true })
  currentPassword!: string;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '按登录名或姓名查找', maxLength: 50 })
  @IsOptional()
  @EmptyAsUndefined()
  @IsString()
  @MaxLength(50)
  @Label('查找内容')
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(ROLES)
  @Label('角色')
  role?: Role;

  @ApiPropertyOptional({ description: '所属单位 ID' })
  @OptionalQueryId()
  @Label('所属单位')
  unitId?: number;
}

export class UserView {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: Number, nullable: true }) unitId!: number | null;
  @ApiProperty({ type: String, nullable: true, description: '所属单位简称' }) unitName!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;

  static of(user: User): UserView {
    return Object.assign(new UserView(), {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitId: user.unitId,
      unitName: user.unit?.shortName ?? null,
      phone: user.phone,
      email: user.email,
      active: user.active,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
    });
  }
}

export class UserPage extends PageOf(UserView, 'UserPage') {}

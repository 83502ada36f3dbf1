import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/dto/dates';
import { Label } from '../../common/dto/label';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { OptionalQueryId, EmptyAsUndefined } from '../../common/dto/transforms';
import { auditActionLabel } from '../audit-actions';
import type { AuditEntry, FieldChanges } from '../audit-entry.entity';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '操作人用户 ID' })
  @OptionalQueryId()
  @Label('操作人')
  actorUserId?: number;

  @ApiPropertyOptional({ description: '操作，如 unit.create、auth.login_failed；以 . 结尾时按前缀匹配（如 auth.）' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsString()
  @MaxLength(50)
  @Label('操作')
  action?: string;

  @ApiPropertyOptional({ description: '对象类型，如 unit、user' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsString()
  @MaxLength(30)
  @Label('对象类型')
  objectType?: string;

  @ApiPropertyOptional({ description: '对象 ID' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsString()
  @MaxLength(40)
  @Label('对象编号')
  objectId?: string;

  @ApiPropertyOptional({ description: '起始时间（含），ISO 8601', type: String, format: 'date-time' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsInstant()
  @Label('起始时间')
  from?: Date;

  @ApiPropertyOptional({ description: '截止时间（不含），ISO 8601', type: String, format: 'date-time' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsInstant()
  @Label('截止时间')
  to?: Date;
}

export class AuditEntryView {
  @ApiProperty() id!: number;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: Date;
  @ApiProperty({ type: Number, nullable: true, description: '操作人用户 ID（登录失败时可能为空）' }) actorUserId!: number | null;
  @ApiProperty({ type: String, nullable: true, description: '操作人用户名（登录失败时为尝试的用户名）' }) actorUsername!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '操作人所属单位 ID' }) actorUnitId!: number | null;
  @ApiProperty({ description: '操作代码，如 notice.issue' }) action!: string;
  @ApiProperty({ description: '操作的中文名称，如 印发公文' }) actionLabel!: string;
  @ApiProperty({ type: String, nullable: true }) objectType!: string | null;
  @ApiProperty({ type: String, nullable: true }) objectId!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: '字段变化：字段名 → [修改前, 修改后]' }) changes!: FieldChanges | null;
  @ApiProperty({ type: String, nullable: true, description: '请求关联编号（X-Request-Id）' }) correlationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;

  static of(entry: AuditEntry): AuditEntryView {
    return Object.assign(new AuditEntryView(), entry, { actionLabel: auditActionLabel(entry.action) });
  }
}

export class AuditPage extends PageOf(AuditEntryView, 'AuditPage') {}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Label } from '../../common/dto/label';
import { EmptyAsUndefined, IsId, IsOmittable, OptionalQueryId, trim } from '../../common/dto/transforms';
import { NOTICE_MODES, NoticeMode } from '../../notices/notices.service';
import { Card, CARDS, LISTING_ORIGINS, LISTING_STATUSES, ListingOrigin, ListingStatus } from '../listing-rules';

const Version = () => applyDecorators(ApiProperty({ description: '读取时的版本号' }), Type(() => Number), IsInt(), Min(1), Label('版本号'));
const Note = (description: string) => applyDecorators(ApiProperty({ description, maxLength: 1000 }), IsString(), Transform(trim), IsNotEmpty(), MaxLength(1000), Label(description, { multiline: true }));
const CircularMode = () => applyDecorators(ApiPropertyOptional({ enum: NOTICE_MODES, default: 'none', description: '随附通报：none 不发；draft 生成草稿待审改；issue 立即印发' }), IsOmittable(), IsIn(NOTICE_MODES), Label('随附通报'));

export class ConditionsDto {
  @ApiPropertyOptional({ description: '连续多少天无逾期事项（可量化的摘牌条件）', minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  @Label('连续无逾期天数')
  noOverdueDays?: number;

  @ApiPropertyOptional({ description: '全部整改事项已销号' })
  @IsOmittable()
  @IsBoolean()
  @Label('全部整改事项已销号')
  allSignedOff?: boolean;
}

export class CreateListingDto {
  @ApiProperty()
  @IsId()
  @Label('单位')
  unitId!: number;

  @ApiProperty({ enum: CARDS })
  @IsIn(CARDS)
  @Label('牌色')
  card!: Card;

  @Note('挂牌原因')
  reason!: string;

  @ApiProperty({ description: '摘牌条件（文字）', maxLength: 1000 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(1000)
  @Label('摘牌条件', { multiline: true })
  conditionsText!: string;

  @ApiPropertyOptional({ type: ConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConditionsDto)
  @Label('可量化的摘牌条件', { prefix: false })
  conditions?: ConditionsDto;

  @CircularMode()
  circular: NoticeMode = 'none';
}

export class ApproveListingDto {
  @Version() version!: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(1000)
  @Label('审批意见', { multiline: true })
  note?: string;

  @ApiPropertyOptional({ description: '改写摘牌条件（文字）', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(1000)
  @Label('摘牌条件', { multiline: true })
  conditionsText?: string;

  @ApiPropertyOptional({ type: ConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConditionsDto)
  @Label('可量化的摘牌条件', { prefix: false })
  conditions?: ConditionsDto;

  @CircularMode()
  circular: NoticeMode = 'none';
}

export class DismissListingDto {
  @Version() version!: number;
  @Note('不予挂牌的理由') reason!: string;
}

export class LowerListingDto {
  @Version() version!: number;
  @Note('降级说明') note!: string;
}

export class DelistDto {
  @Version() version!: number;
  @Note('摘牌说明（核查情况）') note!: string;

  @ApiPropertyOptional({ description: '可量化条件未满足时仍摘牌（须在说明中写明理由）' })
  @IsOmittable()
  @IsBoolean()
  @Label('条件未满足时仍摘牌')
  override?: boolean;

  @CircularMode()
  circular: NoticeMode = 'none';
}

export class ListingQueryDto {
  @ApiPropertyOptional({ enum: LISTING_STATUSES })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(LISTING_STATUSES)
  @Label('状态')
  status?: ListingStatus;

  @ApiPropertyOptional()
  @OptionalQueryId()
  @Label('单位')
  unitId?: number;
}

export class UpdateListingRuleDto {
  @Version() version!: number;

  @ApiProperty()
  @IsBoolean()
  @Label('是否启用')
  enabled!: boolean;

  @ApiProperty({ minimum: 1, maximum: 50, description: 'K：逾期事项数，或一个季度内被约谈次数' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  @Label('阈值')
  threshold!: number;

  @ApiProperty({ enum: CARDS })
  @IsIn(CARDS)
  @Label('牌色')
  card!: Card;
}

export class ListingEventView {
  @ApiProperty({ enum: ['propose', 'approve', 'dismiss', 'list', 'lower', 'supersede', 'delist'] }) action!: string;
  @ApiProperty({ enum: CARDS }) card!: Card;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() occurredAt!: Date;
}

export class ListingView {
  @ApiProperty() id!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: CARDS }) card!: Card;
  @ApiProperty({ enum: LISTING_STATUSES }) status!: ListingStatus;
  @ApiProperty({ enum: LISTING_ORIGINS }) origin!: ListingOrigin;
  @ApiProperty() reason!: string;
  @ApiProperty() conditionsText!: string;
  @ApiProperty({ type: ConditionsDto }) conditions!: { noOverdueDays: number | null; allSignedOff: boolean };
  @ApiProperty({ type: [String], description: '挂牌中时：尚未满足的可量化摘牌条件' }) unmetConditions!: string[];
  @ApiProperty({ type: Date, nullable: true }) proposedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) listedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) endedOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) listingNoticeId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) delistingNoticeId!: number | null;
  @ApiProperty({ type: [ListingEventView] }) history!: ListingEventView[];
  @ApiProperty() version!: number;
}

export class ListingRuleView {
  @ApiProperty({ enum: ['overdue_items', 'repeat_interview'] }) key!: 'overdue_items' | 'repeat_interview';
  @ApiProperty() label!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() threshold!: number;
  @ApiProperty({ enum: CARDS }) card!: Card;
  @ApiProperty() version!: number;
}

export class ListingRuleCheckView {
  @ApiProperty({ description: '本次新提请的挂牌数' }) proposed!: number;
}

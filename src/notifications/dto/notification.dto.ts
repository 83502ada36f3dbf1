import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { Label } from '../../common/dto/label';
import { OptionalQueryFlag } from '../../common/dto/transforms';
import { DELIVERY_STATUSES, DeliveryStatus, NOTIFICATION_KINDS, NotificationKind } from '../notification.entity';

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '只看未读' })
  @OptionalQueryFlag()
  @Label('只看未读')
  unread?: boolean;
}

export class NotificationView {
  @ApiProperty()
  id!: number;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: NotificationKind;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ nullable: true, type: String, description: '相关页面（相对地址）' })
  link!: string | null;

  @ApiProperty()
  read!: boolean;

  @ApiProperty()
  createdAt!: Date;
}

export class NotificationPage extends PageOf(NotificationView, 'NotificationPage') {}

export class UnreadCountView {
  @ApiProperty()
  unread!: number;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, default: 'dead', description: '默认只看发送失败（死信）' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  @Label('状态')
  status: DeliveryStatus = 'dead';
}

export class DeliveryView {
  @ApiProperty()
  id!: number;

  @ApiProperty({ enum: ['email', 'webhook'] })
  channel!: string;

  @ApiProperty({ description: '收件人：用户或群机器人' })
  recipient!: string;

  @ApiProperty({ description: '内容：某日提醒汇总或某一督办事件' })
  topic!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty()
  runAt!: Date;

  @ApiProperty({ nullable: true, type: Date })
  sentAt!: Date | null;
}

export class DeliveryPage extends PageOf(DeliveryView, 'DeliveryPage') {}

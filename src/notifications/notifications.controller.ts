import { ParseIdPipe } from '../common/parse-id.pipe';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { DeliveriesService } from './deliveries.service';
import { DeliveryPage, DeliveryQueryDto, DeliveryView, InboxQueryDto, NotificationPage, NotificationView, UnreadCountView } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('消息')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission(Permission.OwnAccount)
  @ApiOperation({ summary: '我的消息（提醒、督办、待审批），新的在前' })
  @ApiOkResponse({ type: NotificationPage })
  inbox(@CurrentAccess() access: Access, @Query() query: InboxQueryDto): Promise<NotificationPage> {
    return this.notifications.inbox(access.actor.userId, query);
  }

  @Get('unread-count')
  @RequirePermission(Permission.OwnAccount)
  @ApiOperation({ summary: '未读消息数' })
  @ApiOkResponse({ type: UnreadCountView })
  async unreadCount(@CurrentAccess() access: Access): Promise<UnreadCountView> {
    return { unread: await this.notifications.unreadCount(access.actor.userId) };
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePermission(Permission.OwnAccount)
  @ApiOperation({ summary: '全部标为已读' })
  @ApiOkResponse({ type: UnreadCountView })
  async readAll(@CurrentAccess() access: Access): Promise<UnreadCountView> {
    await this.notifications.markAllRead(access.actor.userId);
    return { unread: 0 };
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission(Permission.OwnAccount)
  @ApiOperation({ summary: '标为已读' })
  @ApiOkResponse({ type: NotificationView })
  read(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<NotificationView> {
    return this.notifications.markRead(access.actor.userId, id);
  }
}

@ApiTags('消息')
@Controller('api/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @RequirePermission(Permission.DeliveriesManage)
  @ApiOperation({ summary: '外发投递（邮件、群机器人）；默认列出多次重试仍失败的（死信）' })
  @ApiOkResponse({ type: DeliveryPage })
  list(@Query() query: DeliveryQueryDto): Promise<DeliveryPage> {
    return this.deliveries.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @RequirePermission(Permission.DeliveriesManage)
  @ApiOperation({ summary: '重发一条发送失败的投递' })
  @ApiOkResponse({ type: DeliveryView })
  @ApiErrorResponse(409, '只有发送失败的投递才能重发（DELIVERY_NOT_FAILED）')
  retry(@Param('id', ParseIdPipe) id: number): Promise<DeliveryView> {
    return this.deliveries.retry(id);
  }
}

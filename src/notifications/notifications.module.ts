import { Module } from '@nestjs/common';
import { MailChannel, WebhookChannel } from './channels';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [NotificationsController, DeliveriesController],
  providers: [NotificationsService, DeliveriesService, MailChannel, WebhookChannel],
  exports: [NotificationsService, DeliveriesService],
})
export class NotificationsModule {}

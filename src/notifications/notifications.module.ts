import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailChannel, WebhookChannel } from './channels';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { Delivery, Notification } from './notification.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, Delivery])],
  controllers: [NotificationsController, DeliveriesController],
  providers: [NotificationsService, DeliveriesService, MailChannel, WebhookChannel],
  exports: [NotificationsService, DeliveriesService],
})
export class NotificationsModule {}

import { Module } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [NoticesModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}

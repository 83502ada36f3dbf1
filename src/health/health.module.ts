import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { NoticesModule } from '../notices/notices.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [DatabaseModule, NoticesModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}

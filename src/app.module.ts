import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PermissionGuard } from './access/permission.guard';
import { AssignmentsModule } from './assignments/assignments.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { CalendarModule } from './calendar/calendar.module';
import { ClockModule } from './common/clock';
import { DirectivesModule } from './directives/directives.module';
import { DocumentsModule } from './documents/documents.module';
import { ExtractionModule } from './extraction/extraction.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { BoardModule } from './board/board.module';
import { RedisThrottlerStorage, THROTTLER_STORAGE, ThrottlerStorageModule } from './auth/shared-throttler-storage';
import { AllExceptionsFilter } from './audit/all-exceptions.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { dataSourceOptions } from './database/data-source-options';
import { MultipartOnlyWithFilesGuard } from './attachments/upload.interceptor';
import { widenLargeTextColumns } from './database/large-text';
import { runMigrations } from './database/migrate';
import { withDetectedServerFlavour } from './database/server-flavour';
import { serializeTransactions } from './database/sqlite-transactions';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { InspectionsModule } from './inspections/inspections.module';
import { LedgerModule } from './ledger/ledger.module';
import { ListingsModule } from './listings/listings.module';
import { AssessmentModule } from './assessment/assessment.module';
import { RectificationsModule } from './rectifications/rectifications.module';
import { JobsModule } from './jobs/jobs.module';
import { NoticesModule } from './notices/notices.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          // Entities come from the feature modules' TypeOrmModule.forFeature.
          useFactory: () => ({ ...dataSourceOptions(config.database), autoLoadEntities: true, retryAttempts: 2 }),
          // Migrations run before anything else touches the database.
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(await withDetectedServerFlavour(options!)).initialize();
            widenLargeTextColumns(dataSource);
            if (config.database.type === 'sqlite') serializeTransactions(dataSource);
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        ThrottlerModule.forRootAsync({
          imports: [ThrottlerStorageModule.forRoot(config)],
          inject: [THROTTLER_STORAGE],
          useFactory: (storage: RedisThrottlerStorage | null) => ({
            throttlers: [{ name: 'login', ttl: config.loginRateWindowSeconds * 1000, limit: config.loginRateLimit }],
            // One budget per client for the API and the page sign-in alike, not one per route.
            generateKey: (_context, tracker, throttler) => `${throttler}:${tracker}`,
            ...(storage ? { storage } : {}),
          }),
        }),
        DatabaseModule,
        ClockModule,
        JobsModule.forRoot(config),
        AuditModule,
        AuthModule,
        CalendarModule,
        AttachmentsModule,
        DocumentsModule,
        ExtractionModule,
        LedgerModule,
        DirectivesModule,
        AssignmentsModule,
        NotificationsModule,
        RemindersModule,
        RectificationsModule,
        InspectionsModule,
        ListingsModule,
        BoardModule,
        AssessmentModule,
        NoticesModule,
        UnitsModule,
        UsersModule,
        HealthModule,
        WebModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // Order matters: who is asking, then whether their role may do this.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_GUARD, useClass: MultipartOnlyWithFilesGuard },
      ],
    };
  }
}

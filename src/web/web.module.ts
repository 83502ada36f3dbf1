import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { AuthPagesController } from './auth-pages.controller';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';
import { UnitPagesController } from './unit-pages.controller';
import { UserPagesController } from './user-pages.controller';

/** The server-rendered pages; each controller calls the same services as the API. */
@Module({
  imports: [AuthModule, UnitsModule, UsersModule],
  controllers: [AuthPagesController, HomeController, UnitPagesController, UserPagesController],
  providers: [HomeService],
})
export class WebModule {}

import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DatabaseModule } from '../database/database.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { UnitsModule } from '../units/units.module';
import { BoardController } from './board.controller';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';

/** 挂图作战: the progress board's figures, matrix, targets and trends. */
@Module({
  imports: [DatabaseModule, CalendarModule, UnitsModule, RectificationsModule],
  controllers: [BoardController],
  providers: [BoardRepository, BoardService],
  exports: [BoardService],
})
export class BoardModule {}

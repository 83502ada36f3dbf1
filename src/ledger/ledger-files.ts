import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '../access/access';
import { WorkFilterDto } from '../assignments/dto/work-filter.dto';
import { CalendarService } from '../calendar/calendar.service';
import { NoticeQueryDto } from '../notices/dto/notice.dto';
import { RectificationQueryDto } from '../rectifications/dto/rectification.dto';
import { sendWorkbook } from '../spreadsheets/workbook-writer';
import { ImportKind } from './import-preview.entity';
import { IMPORT_KIND_SHEETS } from './import-sheets';
import { templateSheets } from './import-templates';
import { LedgerService } from './ledger.service';

/** The ledger's downloads, named by what they hold and the day (督办事项台账-2026-03-10.xlsx); the API and the pages both answer with them. */
@Injectable()
export class LedgerFiles {
  constructor(
    private readonly ledger: LedgerService,
    private readonly calendar: CalendarService,
  ) {}

  async directives(access: Access, query: WorkFilterDto, res: Response): Promise<void> {
    await sendWorkbook(res, this.named('督办事项台账'), await this.ledger.directiveSheets(access, query));
  }

  async rectifications(access: Access, query: RectificationQueryDto, res: Response): Promise<void> {
    await sendWorkbook(res, this.named('整改事项台账'), this.ledger.rectificationSheets(access, query));
  }

  async notices(access: Access, query: NoticeQueryDto, res: Response): Promise<void> {
    await sendWorkbook(res, this.named('公文通知签收台账'), await this.ledger.noticeSheets(access, query));
  }

  template(kind: ImportKind, res: Response): Promise<void> {
    return sendWorkbook(res, `${IMPORT_KIND_SHEETS[kind].title}导入模板.xlsx`, templateSheets(kind));
  }

  private named(what: string): string {
    return `${what}-${this.calendar.today()}.xlsx`;
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { Access } from '../access/access';
import { hashPassword } from '../auth/password';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { DirectivesService } from '../directives/directives.service';
import { normaliseName, UnitMatcher } from '../extraction/rules/units';
import { SheetRow, readSheet } from '../spreadsheets/workbook-reader';
import { UnitsService } from '../units/units.service';
import { UsersService } from '../users/users.service';
import type { UnitView } from '../units/dto/unit.dto';
import { checkUnitRows, checkUserRows } from './account-rows';
import { checkDirectiveRows } from './directive-rows';
import { IMPORT_KIND_SHEETS } from './import-sheets';
import { ImportPreviewView, ImportResultView } from './dto/import.dto';
import { ImportKind, ImportPreviewRow } from './import-preview.entity';
import type { RowCheck } from './row-check';

/** A row as the preview keeps it; `secret` holds what must not be kept as typed (a password's hash). */
type KeptRow = SheetRow<string> & { secret?: string };

/** What one kind of import brings: its sheet, its checks against what is registered, and how it creates. */
interface Importer {
  check(access: Access, rows: KeptRow[], kept: boolean): Promise<Array<RowCheck<string, object, object>>>;
  keep(row: SheetRow<string>): Promise<KeptRow>;
  create(access: Access, checks: Array<RowCheck<string, object, object>>, rows: KeptRow[]): Promise<number>;
}

/** How long a preview waits for its confirmation. */
const PREVIEW_HOURS = 24;
const ROWS_PER_INSERT = 200;
/** What a missing preview is called in its refusal (…不存在或无权查看). */
const PREVIEW = '这份导入预览（已导入、已过期或不是本人的）';

/**
 * Imports from Excel (分工方案 into directives, units, users): a preview checks every row and keeps
 * the file's rows under a token when none has an error; nothing is created until the office confirms,
 * when the rows are checked again and all created in one transaction.
 */
@Injectable()
export class ImportsService {
  private readonly importers: Record<ImportKind, Importer>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly directives: DirectivesService,
  ) {
    const asIs = async (row: SheetRow<string>): Promise<KeptRow> => row;
    this.importers = {
      directives: {
        keep: asIs,
        check: async (access, rows) => {
          const calendar = await this.calendar.calendar();
          const units = (await this.units.listAll(access)).filter((u) => u.active && u.kind !== 'office');
          const { match, name } = matching(units);
          return checkDirectiveRows(rows as Parameters<typeof checkDirectiveRows>[0], { today: this.calendar.today(), matchUnit: match, unitName: name, addWorkingDays: (start, days) => calendar.addWorkingDays(start, days) });
        },
        create: async (access, checks) => (await this.directives.createMany(access, checks.map((c) => c.value as never), { path: (i) => `rows.${i}.`, label: (i) => `第 ${checks[i].row} 行` })).length,
      },
      units: {
        keep: asIs,
        check: async (access, rows) => {
          const units = await this.units.listAll(access);
          const takenNames = new Set(units.flatMap((u) => [u.name, u.shortName, ...u.aliases]).map(normaliseName));
          return checkUnitRows(rows as Parameters<typeof checkUnitRows>[0], { takenNames });
        },
        create: async (access, checks) => (await this.units.createMany(access, checks.map((c) => c.value as never))).length,
      },
      users: {
        keep: async (row) => ({ row: row.row, cells: { ...row.cells, password: HIDDEN }, secret: await hashPassword(row.cells.password) }),
        check: async (access, rows, kept) => {
          const { match, name } = matching((await this.units.listAll(access)).filter((u) => u.active));
          const takenUsernames = new Set((await this.users.usernames()).map((u) => u.toLowerCase()));
          return checkUserRows(rows as Parameters<typeof checkUserRows>[0], { takenUsernames, matchUnit: match, unitName: name }, kept);
        },
        create: async (access, checks, rows) => (await this.users.createMany(access, checks.map((c, i) => ({ account: c.value as never, passwordHash: rows[i].secret! })))).length,
      },
    };
  }

  async preview(access: Access, kind: ImportKind, files: Array<{ originalname: string; buffer: Buffer }>): Promise<ImportPreviewView> {
    const importer = this.importers[kind];
    const { sheet: rules } = IMPORT_KIND_SHEETS[kind];
    const sheet = await readSheet(files, rules);
    const checks = await importer.check(access, sheet.rows, false);
    const fileName = files[0].originalname.slice(0, 200);
    const token = checks.every((c) => c.errors.length === 0) ? await this.keep(access, kind, fileName, await Promise.all(sheet.rows.map((row) => importer.keep(row)))) : null;
    return this.view(kind, token, fileName, sheet.sheetName, sheet.found, checks);
  }

  /** A kept preview, checked again against what is registered now. */
  async stored(access: Access, kind: ImportKind, token: string): Promise<ImportPreviewView> {
    const { fileName, rows } = await this.load(access, kind, token);
    const checks = await this.importers[kind].check(access, rows, true);
    // The columns the file had: the required ones, and those with something in them.
    const found = Object.entries(IMPORT_KIND_SHEETS[kind].sheet.columns).filter(([key, rule]) => rule.required || rows.some((r) => r.cells[key] !== '')).map(([key]) => key);
    return this.view(kind, token, fileName, '', found, checks);
  }

  async confirm(access: Access, kind: ImportKind, token: string): Promise<ImportResultView> {
    const importer = this.importers[kind];
    const repository = this.dataSource.getRepository(ImportPreviewRow);
    const { fileName, rows } = await this.load(access, kind, token);
    const checks = await importer.check(access, rows, true);
    const refused = checks.filter((c) => c.errors.length > 0);
    if (refused.length > 0) {
      const labels = IMPORT_KIND_SHEETS[kind].sheet.columns;
      const details = refused.flatMap((c) => c.errors.map((e) => ({ field: `rows.${c.row}.${e.column}`, message: `第 ${c.row} 行“${labels[e.column]?.label ?? e.column}”：${e.message}` })));
      throw new DomainError('IMPORT_HAS_ERRORS', `预览之后有 ${refused.length} 行已不能导入（如单位已停用、名称或登录名已被占用），未导入任何数据；请修改文件后重新上传`, details);
    }
    // Claimed before it is created: a confirmation sent twice creates once.
    const claimed = await repository.delete({ token, createdBy: access.actor.userId });
    if (!claimed.affected) throw new NotFoundError(PREVIEW);
    const created = await importer.create(access, checks, rows);
    return { kind, created, fileName };
  }

  private async load(access: Access, kind: ImportKind, token: string): Promise<{ fileName: string; rows: KeptRow[] }> {
    const since = new Date(this.clock.now().getTime() - PREVIEW_HOURS * 3600_000);
    const stored = await this.dataSource.getRepository(ImportPreviewRow).find({ where: { token, kind, createdBy: access.actor.userId, createdAt: MoreThan(since) }, order: { seq: 'ASC' } });
    if (stored.length === 0) throw new NotFoundError(PREVIEW);
    return { fileName: stored[0].fileName, rows: stored.map((s) => JSON.parse(s.data) as KeptRow) };
  }

  private view(kind: ImportKind, token: string | null, fileName: string, sheetName: string, found: string[], checks: Array<RowCheck<string, object, object>>): ImportPreviewView {
    return {
      kind,
      token,
      fileName,
      sheetName,
      columns: Object.entries(IMPORT_KIND_SHEETS[kind].sheet.columns).map(([key, rule]) => ({ key, label: rule.label, found: found.includes(key) })),
      rows: checks.map(({ row, cells, view, errors }) => ({ row, cells: withoutSecrets(cells), view, errors })),
      errorCount: checks.filter((c) => c.errors.length > 0).length,
    };
  }

  /** Keeps a preview's rows under a new token (and forgets previews older than a day). */
  private async keep(access: Access, kind: ImportKind, fileName: string, rows: KeptRow[]): Promise<string> {
    const token = randomUUID();
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(ImportPreviewRow, { createdAt: LessThan(new Date(now.getTime() - PREVIEW_HOURS * 3600_000)) });
      const entries = rows.map((row, seq) => ({ token, kind, createdBy: access.actor.userId, createdAt: now, fileName, seq, data: JSON.stringify(row) }));
      for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) await manager.insert(ImportPreviewRow, entries.slice(i, i + ROWS_PER_INSERT));
    });
    return token;
  }
}

/** What is said in place of a password, which is never said back (nor kept as typed). */
const HIDDEN = '••••••';

function withoutSecrets(cells: Record<string, string>): Record<string, string> {
  return 'password' in cells ? { ...cells, password: cells.password ? HIDDEN : '' } : cells;
}

/** Names matched to units with the extraction's matcher (full name, short name, aliases), and each unit's short name. */
function matching(units: UnitView[]): { match: (text: string) => number | null; name: (id: number) => string } {
  const matcher = new UnitMatcher(units.map((u) => ({ id: u.id, names: [u.name, u.shortName, ...u.aliases] })));
  const names = new Map(units.map((u) => [u.id, u.shortName]));
  return { match: (text) => matcher.match(text), name: (id) => names.get(id) ?? '' };
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Render, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { WorkFilterDto } from '../assignments/dto/work-filter.dto';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { DomainError } from '../common/errors/domain-error';
import { ConfirmImportDto, ImportPreviewView } from '../ledger/dto/import.dto';
import { ImportKind } from '../ledger/import-preview.entity';
import { IMPORT_KIND_SHEETS } from '../ledger/import-sheets';
import { ImportsService } from '../ledger/imports.service';
import { LedgerFiles } from '../ledger/ledger-files';
import { NoticeQueryDto } from '../notices/dto/notice.dto';
import { RectificationQueryDto } from '../rectifications/dto/rectification.dto';
import { FormBody, formValue, pageStep } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';

/** Where each import's records are listed, and what its page says. */
const IMPORT_PAGES: Record<ImportKind, { title: string; list: string; intro: string }> = {
  directives: { title: '导入分工方案', list: '/directives', intro: '上传任务分工表（.xlsx），按列名识别 序号 / 任务 / 牵头单位 / 配合单位 / 完成时限 / 目标，列的顺序不限。先预览逐行检查，确认后一次性下达全部事项。' },
  units: { title: '从Excel导入成员单位', list: '/units', intro: '上传成员单位表（.xlsx）：单位全称 / 简称 / 单位类别 / 别名。先预览逐行检查，确认后一次性创建。' },
  users: { title: '从Excel导入用户', list: '/users', intro: '上传用户表（.xlsx）：登录名 / 姓名 / 角色 / 所属单位 / 电话 / 电子邮箱 / 初始密码。初始密码只保存散列，不会显示。' },
};

/** One line saying what a checked row will create. */
const SUMMARIES: Record<ImportKind, (view: Record<string, unknown>) => string> = {
  directives: (v) => [`牵头：${v.lead || '—'}`, (v.cooperating as string[]).length ? `配合：${(v.cooperating as string[]).join('、')}` : '', `时限：${v.deadline || '—'}`, v.target ? `目标：${v.target}` : ''].filter(Boolean).join('；'),
  units: (v) => [`类别：${v.kind || '—'}`, (v.aliases as string[]).length ? `别名：${(v.aliases as string[]).join('、')}` : ''].filter(Boolean).join('；'),
  users: (v) => [`角色：${v.role || '—'}`, v.unit ? `单位：${v.unit}` : ''].filter(Boolean).join('；'),
};

/** The preview as the page shows it: the columns found, each row's cells with their errors, what it will create. */
function previewModel(kind: ImportKind, preview: ImportPreviewView) {
  const columns = preview.columns.filter((c) => c.found);
  return {
    fileName: preview.fileName,
    sheetName: preview.sheetName,
    token: preview.token,
    rowCount: preview.rows.length,
    errorCount: preview.errorCount,
    columns,
    rows: preview.rows.map((r) => ({
      row: r.row,
      ok: r.errors.length === 0,
      cells: columns.map((c) => ({ label: c.label, text: r.cells[c.key], errors: r.errors.filter((e) => e.column === c.key).map((e) => e.message) })),
      // Errors of a column the file does not have are said beside the summary.
      others: r.errors.filter((e) => !columns.some((c) => c.key === e.column)).map((e) => e.message),
      summary: SUMMARIES[kind](r.view as Record<string, unknown>),
    })),
  };
}

/** The ledger's downloads (导出Excel on the lists) and the import pages, each import behind its own permission. */
@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class LedgerPagesController {
  constructor(
    private readonly files: LedgerFiles,
    private readonly imports: ImportsService,
  ) {}

  @Get('ledger/directives.xlsx')
  @RequirePermission(Permission.LedgerExport)
  directivesFile(@CurrentAccess() access: Access, @Query() query: WorkFilterDto, @Res() res: Response): Promise<void> {
    return this.files.directives(access, query, res);
  }

  @Get('ledger/rectifications.xlsx')
  @RequirePermission(Permission.LedgerExport)
  rectificationsFile(@CurrentAccess() access: Access, @Query() query: RectificationQueryDto, @Res() res: Response): Promise<void> {
    return this.files.rectifications(access, query, res);
  }

  @Get('ledger/notices.xlsx')
  @RequirePermission(Permission.LedgerExport)
  noticesFile(@CurrentAccess() access: Access, @Query() query: NoticeQueryDto, @Res() res: Response): Promise<void> {
    return this.files.notices(access, query, res);
  }

  @Get('imports/directives')
  @RequirePermission(Permission.DirectivesManage)
  @Render('imports/form')
  directivesPage() {
    return this.formModel('directives', null, []);
  }

  @Get('imports/units')
  @RequirePermission(Permission.UnitsManage)
  @Render('imports/form')
  unitsPage() {
    return this.formModel('units', null, []);
  }

  @Get('imports/users')
  @RequirePermission(Permission.UsersManage)
  @Render('imports/form')
  usersPage() {
    return this.formModel('users', null, []);
  }

  @Get('imports/directives/template.xlsx')
  @RequirePermission(Permission.DirectivesManage)
  directivesTemplate(@Res() res: Response): Promise<void> {
    return this.files.template('directives', res);
  }

  @Get('imports/units/template.xlsx')
  @RequirePermission(Permission.UnitsManage)
  unitsTemplate(@Res() res: Response): Promise<void> {
    return this.files.template('units', res);
  }

  @Get('imports/users/template.xlsx')
  @RequirePermission(Permission.UsersManage)
  usersTemplate(@Res() res: Response): Promise<void> {
    return this.files.template('users', res);
  }

  @Post('imports/directives/preview')
  @RequirePermission(Permission.DirectivesManage)
  @UploadFiles()
  previewDirectives(@CurrentAccess() access: Access, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.previewStep(req, res, access, 'directives', files);
  }

  @Post('imports/units/preview')
  @RequirePermission(Permission.UnitsManage)
  @UploadFiles()
  previewUnits(@CurrentAccess() access: Access, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.previewStep(req, res, access, 'units', files);
  }

  @Post('imports/users/preview')
  @RequirePermission(Permission.UsersManage)
  @UploadFiles()
  previewUsers(@CurrentAccess() access: Access, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.previewStep(req, res, access, 'users', files);
  }

  @Get('imports/directives/preview/:token')
  @RequirePermission(Permission.DirectivesManage)
  @Render('imports/form')
  async directivesPreview(@CurrentAccess() access: Access, @Param('token', ParseUUIDPipe) token: string) {
    return this.formModel('directives', await this.imports.stored(access, 'directives', token), []);
  }

  @Get('imports/units/preview/:token')
  @RequirePermission(Permission.UnitsManage)
  @Render('imports/form')
  async unitsPreview(@CurrentAccess() access: Access, @Param('token', ParseUUIDPipe) token: string) {
    return this.formModel('units', await this.imports.stored(access, 'units', token), []);
  }

  @Get('imports/users/preview/:token')
  @RequirePermission(Permission.UsersManage)
  @Render('imports/form')
  async usersPreview(@CurrentAccess() access: Access, @Param('token', ParseUUIDPipe) token: string) {
    return this.formModel('users', await this.imports.stored(access, 'users', token), []);
  }

  @Post('imports/directives')
  @RequirePermission(Permission.DirectivesManage)
  confirmDirectives(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.confirmStep(req, res, access, 'directives', body);
  }

  @Post('imports/units')
  @RequirePermission(Permission.UnitsManage)
  confirmUnits(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.confirmStep(req, res, access, 'units', body);
  }

  @Post('imports/users')
  @RequirePermission(Permission.UsersManage)
  confirmUsers(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.confirmStep(req, res, access, 'users', body);
  }

  /**
   * Reads the upload: a file without errors goes to its preview page (kept under its token), where the
   * office confirms; a file with errors shows them here, cell by cell, and nothing is kept.
   */
  private previewStep(req: Request, res: Response, access: Access, kind: ImportKind, files: UploadedFile[]): Promise<void> {
    let refused: ImportPreviewView | null = null;
    return pageStep(req, res, {
      values: {},
      run: async () => {
        const preview = await this.imports.preview(access, kind, files);
        if (preview.token !== null) return preview;
        refused = preview;
        throw new DomainError('IMPORT_HAS_ERRORS', `“${preview.fileName}”有 ${preview.errorCount} 行需要修改（见下表标红的单元格），未导入任何数据；请修改后重新上传`);
      },
      done: (preview) => `/imports/${kind}/preview/${preview.token}`,
      flash: (preview) => `已读取“${preview.fileName}”的 ${preview.rows.length} 行，均可导入；请核对后点“确认导入”。`,
      rerender: async () => ({ view: 'imports/form', model: this.formModel(kind, refused, []) }),
    });
  }

  private confirmStep(req: Request, res: Response, access: Access, kind: ImportKind, body: FormBody): Promise<void> {
    const token = formValue(body.token) ?? '';
    return pageStep(req, res, {
      dto: ConfirmImportDto,
      values: { token },
      run: (dto) => this.imports.confirm(access, kind, dto.token),
      done: IMPORT_PAGES[kind].list,
      flash: (result) => `已从“${result.fileName}”导入 ${result.created} ${IMPORT_KIND_SHEETS[kind].noun}。`,
      rerender: async () => ({ view: 'imports/form', model: this.formModel(kind, null, []) }),
    });
  }

  private formModel(kind: ImportKind, preview: ImportPreviewView | null, errors: unknown[]) {
    return { ...IMPORT_PAGES[kind], kind, template: `/imports/${kind}/template.xlsx`, preview: preview && previewModel(kind, preview), errors };
  }
}

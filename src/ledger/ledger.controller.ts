import { Body, Controller, Get, HttpCode, Post, Query, Res, UploadedFiles } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { WorkFilterDto } from '../assignments/dto/work-filter.dto';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { ApiFileResponse } from '../common/api-file-response';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { NoticeQueryDto } from '../notices/dto/notice.dto';
import { RectificationQueryDto } from '../rectifications/dto/rectification.dto';
import { XLSX_MEDIA_TYPE } from '../spreadsheets/workbook-writer';
import { ConfirmImportDto, ImportPreviewView, ImportResultView } from './dto/import.dto';
import { ImportsService } from './imports.service';
import { LedgerFiles } from './ledger-files';

@ApiTags('台账')
@Controller('api/ledger')
export class LedgerController {
  constructor(private readonly files: LedgerFiles) {}

  @Get('directives.xlsx')
  @RequirePermission(Permission.LedgerExport)
  @ApiOperation({ summary: '导出督办事项台账（Excel）', description: '两个工作表：督办事项（列同分工方案，可再导入）和各单位任务（状态、办理时限、进度、指标当前值与目标值、最近一次报送）。筛选条件同督办事项列表（分页参数不起作用）。成员单位只导出本单位的任务。边读边写，行数不限。' })
  @ApiFileResponse(XLSX_MEDIA_TYPE, '.xlsx 工作簿')
  directives(@CurrentAccess() access: Access, @Query() query: WorkFilterDto, @Res() res: Response): Promise<void> {
    return this.files.directives(access, query, res);
  }

  @Get('rectifications.xlsx')
  @RequirePermission(Permission.LedgerExport)
  @ApiOperation({ summary: '导出整改事项台账（Excel）', description: '筛选条件同整改事项列表；成员单位只导出本单位的整改事项。' })
  @ApiFileResponse(XLSX_MEDIA_TYPE, '.xlsx 工作簿')
  rectifications(@CurrentAccess() access: Access, @Query() query: RectificationQueryDto, @Res() res: Response): Promise<void> {
    return this.files.rectifications(access, query, res);
  }

  @Get('notices.xlsx')
  @RequirePermission(Permission.LedgerExport)
  @ApiOperation({ summary: '导出公文通知及签收台账（Excel）', description: '每个收文单位或个人一行，含签收情况。筛选条件同公文通知列表；只含本账号能查看的通知，成员单位和领导只看到本单位（本人）的签收。' })
  @ApiFileResponse(XLSX_MEDIA_TYPE, '.xlsx 工作簿')
  notices(@CurrentAccess() access: Access, @Query() query: NoticeQueryDto, @Res() res: Response): Promise<void> {
    return this.files.notices(access, query, res);
  }
}

@ApiTags('导入')
@Controller('api/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly files: LedgerFiles,
  ) {}

  @Post('directives/preview')
  @HttpCode(200)
  @RequirePermission(Permission.DirectivesManage)
  @UploadFiles()
  @ApiOperation({ summary: '预览导入分工方案（字段 files，一个 .xlsx）', description: '按列名找列（序号/任务/牵头单位/配合单位/完成时限/目标，顺序不限，常见写法均可），逐行校验：单位按全称、简称和别名匹配，期限可写 2026-06-30、2026年6月30日、6月底前、每月5日前报送等，目标如“安装率达到60%”。不创建任何数据；全部无误时返回 token，凭它确认导入。含公式的文件不接受（不取缓存值），请先粘贴为数值。' })
  @ApiOkResponse({ type: ImportPreviewView })
  @ApiErrorResponse(413, '文件过大或超过 2000 行（PAYLOAD_TOO_LARGE）')
  @ApiErrorResponse(415, '不是 .xlsx 工作簿（UNSUPPORTED_FILE_TYPE）')
  @ApiErrorResponse(422, '空表、找不到表头、表头有合并单元格或含公式（BAD_SPREADSHEET）')
  previewDirectives(@CurrentAccess() access: Access, @UploadedFiles() files: UploadedFile[] = []): Promise<ImportPreviewView> {
    return this.imports.preview(access, 'directives', files);
  }

  @Post('directives')
  @RequirePermission(Permission.DirectivesManage)
  @ApiOperation({ summary: '确认导入分工方案', description: '再次校验预览的各行，全部无误时在一个事务中创建全部督办事项（及各单位任务）；有一行不能导入则什么也不创建。' })
  @ApiCreatedResponse({ type: ImportResultView })
  @ApiErrorResponse(404, '预览不存在、已导入或已过期（NOT_FOUND）')
  @ApiErrorResponse(422, '预览后有行已不能导入（IMPORT_HAS_ERRORS）')
  confirmDirectives(@CurrentAccess() access: Access, @Body() dto: ConfirmImportDto): Promise<ImportResultView> {
    return this.imports.confirm(access, 'directives', dto.token);
  }

  @Get('directives/template.xlsx')
  @RequirePermission(Permission.DirectivesManage)
  @ApiOperation({ summary: '下载分工方案导入模板' })
  @ApiFileResponse(XLSX_MEDIA_TYPE, '.xlsx 模板')
  directivesTemplate(@Res() res: Response): Promise<void> {
    return this.files.template('directives', res);
  }

  @Post('units/preview')
  @HttpCode(200)
  @RequirePermission(Permission.UnitsManage)
  @UploadFiles()
  @ApiOperation({ summary: '预览导入成员单位（字段 files，一个 .xlsx）', description: '列：单位全称 / 简称 / 单位类别 / 别名。不创建任何数据；全部无误时返回 token。' })
  @ApiOkResponse({ type: ImportPreviewView })
  @ApiErrorResponse(413, '文件过大或超过 1000 行（PAYLOAD_TOO_LARGE）')
  @ApiErrorResponse(415, '不是 .xlsx 工作簿（UNSUPPORTED_FILE_TYPE）')
  @ApiErrorResponse(422, '空表、找不到表头、表头有合并单元格或含公式（BAD_SPREADSHEET）')
  previewUnits(@CurrentAccess() access: Access, @UploadedFiles() files: UploadedFile[] = []): Promise<ImportPreviewView> {
    return this.imports.preview(access, 'units', files);
  }

  @Post('units')
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({ summary: '确认导入成员单位', description: '全部无误时在一个事务中创建全部单位；否则什么也不创建。' })
  @ApiCreatedResponse({ type: ImportResultView })
  @ApiErrorResponse(404, '预览不存在、已导入或已过期（NOT_FOUND）')
  @ApiErrorResponse(422, '预览后有行已不能导入（IMPORT_HAS_ERRORS）')
  confirmUnits(@CurrentAccess() access: Access, @Body() dto: ConfirmImportDto): Promise<ImportResultView> {
    return this.imports.confirm(access, 'units', dto.token);
  }

  @Get('units/template.xlsx')
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({ summary: '下载成员单位导入模板' })
  @ApiFileResponse(XLSX_MEDIA_TYPE, '.xlsx 模板')
  unitsTemplate(@Res() res: Response): Promise<void> {
    return this.files.template('units', res);
  }

  @Post('users/preview')
  @HttpCode(200)
  @RequirePermission(Permission.UsersManage)
  @UploadFiles()
  @ApiOperation({ summary: '预览导入用户（字段 files，一个 .xlsx）', description: '列：登录名 / 姓名 / 角色 / 所属单位 / 电话 / 电子邮箱 / 初始密码。初始密码按密码规则校验，预览只保存其散列，答复中不回显。' })
  @ApiOkResponse({ type: ImportPreviewView })
  @ApiErrorResponse(413, '文件过大或超过 1000 行（PAYLOAD_TOO_LARGE）')
  @ApiErrorResponse(415, '不是 .xlsx 工作簿（UNSUPPORTED_FILE_TYPE）')
  @ApiErrorResponse(422, '空表、找不到表头、表头有合并单元格或含公式（BAD_SPREADSHEET）')
  previewUsers(@CurrentAccess() access: Access, @UploadedFiles() files: UploadedFile[] = []): Promise<ImportPreviewView> {
    return this.imports.preview(access, 'users', files);
  }

  @Post('users')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: '确认导入用户', description: '全部无误时在一个事务中创建全部账号；否则什么也不创建。' })
  @ApiCreatedResponse({ type: ImportResultView })
  @ApiErrorResponse(404, '预览不存在、已导入或已过期（NOT_FOUND）')
  @ApiErrorResponse(422, '预览后有行已不能导入（IMPORT_HAS_ERRORS）')
  confirmUsers(@CurrentAccess() access: Access, @Body() dto: ConfirmImportDto): Promise<ImportResultView> {
    return this.imports.confirm(access, 'users', dto.token);
  }

  @Get('users/template.xlsx')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: '下载用户导入模板' })
  @ApiFileResponse(XLSX_MEDIA_TYPE, '.xlsx 模板')
  usersTemplate(@Res() res: Response): Promise<void> {
    return this.files.template('users', res);
  }
}

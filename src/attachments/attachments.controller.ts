import { ParseIdPipe } from '../common/parse-id.pipe';
import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { ApiFileResponse } from '../common/api-file-response';
import { AttachmentsService, contentDisposition } from './attachments.service';

@ApiTags('附件')
@Controller('api/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id')
  @RequirePermission(Permission.AttachmentsRead)
  @ApiOperation({ summary: '下载附件', description: '与附件所属的报告或文件做同样的权限检查。' })
  @ApiFileResponse('*/*', '附件原文件；Content-Type 为文件的类型，文件名在 Content-Disposition 中')
  async download(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const attachment = await this.attachments.findForDownload(access, id);
    res.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
    return new StreamableFile(this.attachments.open(attachment), { type: attachment.mediaType, length: attachment.size });
  }
}

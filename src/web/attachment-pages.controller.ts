import { ParseIdPipe } from '../common/parse-id.pipe';
import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { AttachmentsService, contentDisposition } from '../attachments/attachments.service';

/** Downloads from the pages: signed in by cookie (the API's /api/attachments takes a Bearer token only). */
@ApiExcludeController()
@Controller('attachments')
export class AttachmentPagesController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id')
  @RequirePermission(Permission.AttachmentsRead)
  async download(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const attachment = await this.attachments.findForDownload(access, id);
    // Photos and PDFs open in the browser (checking evidence should not mean downloading each file);
    // their types were established from their content at upload, and nosniff keeps them so.
    const viewable = attachment.mediaType.startsWith('image/') || attachment.mediaType === 'application/pdf';
    res.setHeader('Content-Disposition', contentDisposition(attachment.fileName, viewable ? 'inline' : 'attachment'));
    return new StreamableFile(this.attachments.open(attachment), { type: attachment.mediaType, length: attachment.size });
  }
}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AcceptProposalsDto, CreatedDirectivesView, ExtractionView, ExtractTextDto, MAX_TEXT_LENGTH } from './dto/extraction.dto';
import { ExtractionService } from './extraction.service';

@ApiTags('任务分解')
@Controller('api')
export class ExtractionController {
  constructor(private readonly extraction: ExtractionService) {}

  @Post('extractions')
  @HttpCode(200)
  @RequirePermission(Permission.ExtractionRun)
  @ApiOperation({ summary: '分解任务：从一段全文提出督办事项建议（协调办）', description: '每项建议给出原文位置（start、end 为字符偏移，paragraph 即 text.slice(start, end)）、牵头和配合单位（原文写法及匹配到的单位）、期限和量化目标。只提建议，不保存任何内容。' })
  @ApiOkResponse({ type: ExtractionView })
  @ApiErrorResponse(413, `全文超过 ${MAX_TEXT_LENGTH} 个字符（PAYLOAD_TOO_LARGE）`)
  extract(@Body() dto: ExtractTextDto): Promise<ExtractionView> {
    return this.extraction.extract(dto.text, dto.documentDate);
  }

  @Post('documents/:id/extraction')
  @HttpCode(200)
  @RequirePermission(Permission.ExtractionRun)
  @ApiOperation({ summary: '分解任务：从已登记的来源文件提出督办事项建议（协调办）', description: '分解文件的全文，期限按文件日期推算；答复与 POST /api/extractions 相同。' })
  @ApiOkResponse({ type: ExtractionView })
  @ApiErrorResponse(404, '来源文件不存在')
  async extractDocument(@Param('id', ParseIdPipe) id: number): Promise<ExtractionView> {
    const { items } = await this.extraction.extractDocument(id);
    return { items };
  }

  @Post('documents/:id/directives')
  @RequirePermission(Permission.ExtractionRun)
  @ApiOperation({ summary: '把采纳的建议下达为该文件的督办事项（协调办）', description: '每项为一条督办事项的内容（可按需修改）加上原文位置 start、end；在一个事务中全部下达，任一项被拒绝则一项也不下达，details 中的字段为 items.<序号>.<字段>。' })
  @ApiCreatedResponse({ type: CreatedDirectivesView })
  @ApiErrorResponse(404, '来源文件不存在')
  accept(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: AcceptProposalsDto): Promise<CreatedDirectivesView> {
    return this.extraction.accept(access, id, dto);
  }
}

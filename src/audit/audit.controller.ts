import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { AuditService } from './audit.service';
import { AuditPage, AuditQueryDto } from './dto/audit.dto';

@ApiTags('审计日志')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: '查询审计日志（协调办）', description: '按操作人、操作、对象和时间筛选；最新的在前。日志只能查看，不能修改或删除。' })
  @ApiOkResponse({ type: AuditPage })
  list(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.audit.list(query);
  }
}

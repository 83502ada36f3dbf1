import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../access/access.decorators';
import { HealthReportView } from './health-report.view';
import { HealthReport, HealthService } from './health.service';

@ApiTags('运行状态')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '健康检查：数据库（配置了 Redis 时还有 Redis）' })
  @ApiOkResponse({ description: '各组件正常', type: HealthReportView })
  @ApiResponse({ status: 503, description: '至少一个组件不可用', type: HealthReportView })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}

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
  @ApiOperation({ summary: '健康检查：数据库（配置了 Redis 时还有 Redis），以及公文 PDF 的生成情况' })
  @ApiOkResponse({ description: '各组件正常（status 为 ok），或可以服务但有公文 PDF 生成失败（degraded）', type: HealthReportView })
  @ApiResponse({ status: 503, description: '至少一个组件不可用', type: HealthReportView })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.check();
    // Degraded still serves: only a component that is down takes the instance out.
    res.status(report.status === 'error' ? 503 : 200);
    return report;
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ComponentHealthView {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
}

/** The notices' PDFs: a failing render degrades the service but takes no instance out of a load balancer. */
export class PdfHealthView {
  @ApiProperty({ enum: ['up', 'degraded'], description: 'degraded：有公文 PDF 生成失败，正等待自动重试（原因见日志）' }) status!: 'up' | 'degraded';
  @ApiProperty({ description: '已印发、尚无 PDF 的公文数' }) waiting!: number;
  @ApiProperty({ description: '其中 PDF 生成失败、等待重试的公文数' }) failing!: number;
  @ApiProperty({ nullable: true, type: Date, description: '最近一次自动重试的时间；没有失败的为 null' }) nextRetryAt!: Date | null;
}

export class HealthChecksView {
  @ApiProperty({ type: ComponentHealthView }) database!: ComponentHealthView;
  @ApiPropertyOptional({ type: ComponentHealthView, description: '配置了 REDIS_URL 时才检查' }) redis?: ComponentHealthView;
  @ApiPropertyOptional({ type: PdfHealthView, description: '公文 PDF 的生成情况；数据库不可用时不检查' }) pdf?: PdfHealthView;
}

/** What GET /health answers: 200 when ok or degraded, 503 on error (HealthReport). */
export class HealthReportView {
  @ApiProperty({ enum: ['ok', 'degraded', 'error'], description: 'ok：全部正常；degraded：可以服务，但有公文 PDF 生成失败（仍返回 200）；error：至少一个组件不可用（返回 503）' })
  status!: 'ok' | 'degraded' | 'error';
  @ApiProperty({ type: HealthChecksView }) checks!: HealthChecksView;
}

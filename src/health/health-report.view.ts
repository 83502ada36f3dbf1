import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ComponentHealthView {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
}

export class HealthChecksView {
  @ApiProperty({ type: ComponentHealthView }) database!: ComponentHealthView;
  @ApiPropertyOptional({ type: ComponentHealthView, description: '配置了 REDIS_URL 时才检查' }) redis?: ComponentHealthView;
}

/** What GET /health answers, with 200 or 503 (HealthReport). */
export class HealthReportView {
  @ApiProperty({ enum: ['ok', 'error'], description: 'ok：全部正常；error：至少一个组件不可用' }) status!: 'ok' | 'error';
  @ApiProperty({ type: HealthChecksView }) checks!: HealthChecksView;
}

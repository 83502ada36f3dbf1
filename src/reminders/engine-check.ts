import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChaseSources } from './chase-sources';
import { Rungs } from './rungs';

/**
 * Refuses to start an engine that would fail later: a rung nothing does, or stored work of a kind no
 * source reads. Registrations happen in onModuleInit, so by bootstrap every feature has had its say.
 */
@Injectable()
export class EngineCheck implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: ChaseSources,
    private readonly rungs: Rungs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = [
      ...this.rungs.withoutEffect().map((rung) => `督办阶梯“${this.rungs.label(rung)}”没有登记效果（rung effect: ${rung}）`),
      ...(await this.storedKinds()).filter((kind) => !this.sources.has(kind)).map((kind) => `已排程的催办对象没有登记来源（chase source: ${kind}）`),
    ];
    if (missing.length > 0) throw new Error(`督办引擎拒绝启动：${missing.join('；')}`);
  }

  /** The kinds of work the schedule and the rungs hold rows for. */
  private async storedKinds(): Promise<string[]> {
    const rows: { kind: string }[] = await this.dataSource.query('SELECT DISTINCT subject_kind AS kind FROM scheduled_actions UNION SELECT DISTINCT subject_kind AS kind FROM escalations');
    return rows.map((row) => row.kind);
  }
}

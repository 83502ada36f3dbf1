import type { SheetSpec } from '../spreadsheets/workbook-writer';
import type { LineView, RankingRowView, RankingView } from './dto/assessment.dto';

/** A line as the workbook writes it: the unit's rank and total beside each point. */
interface RankedLine extends LineView {
  rank: number;
  unitName: string;
}

/**
 * A published ranking as a workbook: the table every unit may read, and the lines of the units in reach
 * (a unit contact its own), read one unit at a time as the file is written.
 */
export function rankingSheets(ranking: RankingView, unitsInReach: ReadonlySet<number>, linesOf: (unitId: number) => Promise<LineView[]>): Array<SheetSpec<any>> {
  const table: SheetSpec<RankingRowView> = {
    name: '排名',
    columns: [
      { header: '名次', width: 8, value: (r) => r.rank },
      { header: '并列', width: 8, value: (r) => (r.tied ? '并列' : '') },
      { header: '单位', width: 30, value: (r) => r.unitName },
      { header: '基础分', format: 'number', value: (r) => r.base },
      { header: '得分', format: 'number', value: (r) => r.total },
    ],
    rows: (async function* () {
      yield* ranking.rows;
    })(),
  };
  const lines: SheetSpec<RankedLine> = {
    name: '计分明细',
    columns: [
      { header: '名次', width: 8, value: (l) => l.rank },
      { header: '单位', width: 30, value: (l) => l.unitName },
      { header: '序号', width: 8, value: (l) => l.seq },
      { header: '规则', width: 24, value: (l) => l.ruleLabel },
      { header: '日期', format: 'date', width: 12, value: (l) => l.on },
      { header: '事件', width: 60, value: (l) => l.event },
      { header: '封顶前分值', format: 'number', value: (l) => l.raw },
      { header: '分值', format: 'number', value: (l) => l.points },
      { header: '更正说明', width: 40, value: (l) => l.correction },
    ],
    rows: (async function* () {
      for (const row of ranking.rows) {
        if (!unitsInReach.has(row.unitId)) continue;
        for (const line of await linesOf(row.unitId)) yield { ...line, rank: row.rank, unitName: row.unitName };
      }
    })(),
  };
  return [table, lines];
}

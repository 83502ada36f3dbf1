import { ReportFigures, shownProgress } from './shown-progress';

const report = (id: number, status: ReportFigures['status'], percentDone: number, metricValue: number | null = null): ReportFigures => ({ id, status, percentDone, metricValue });

describe('the progress a task shows', () => {
  const cases: [string, ReportFigures[], { percentDone: number; metricValue: number | null }][] = [
    ['no report yet', [], { percentDone: 0, metricValue: null }],
    ['the only report returned: nothing stands', [report(1, 'returned', 80, 55)], { percentDone: 0, metricValue: null }],
    ['the latest report returned: the one before it', [report(1, 'accepted', 40, 30), report(2, 'returned', 80, 55)], { percentDone: 40, metricValue: 30 }],
    ['a report awaiting review stands', [report(1, 'accepted', 40, 30), report(2, 'submitted', 60, 45)], { percentDone: 60, metricValue: 45 }],
    ['a report without a metric keeps the last value given', [report(1, 'accepted', 40, 30), report(2, 'submitted', 60)], { percentDone: 60, metricValue: 30 }],
    ['a returned value is not kept', [report(1, 'accepted', 40), report(2, 'returned', 60, 45), report(3, 'submitted', 70)], { percentDone: 70, metricValue: null }],
    ['order by id, not by position', [report(3, 'submitted', 70, 50), report(1, 'accepted', 40, 30)], { percentDone: 70, metricValue: 50 }],
    ['a returned final report: the last progress report', [report(1, 'accepted', 90, 58), report(2, 'returned', 100, 61)], { percentDone: 90, metricValue: 58 }],
    ['zero is a value', [report(1, 'accepted', 10, 5), report(2, 'submitted', 0, 0)], { percentDone: 0, metricValue: 0 }],
  ];
  it.each(cases)('%s', (_name, reports, expected) => {
    expect(shownProgress(reports)).toEqual(expected);
  });
});

import { AssessmentOutcomes } from '../../src/assessment/assessment-outcomes';
import { CalendarService } from '../../src/calendar/calendar.service';
import { SourceDocument } from '../../src/documents/source-document.entity';
import { Inspection } from '../../src/inspections/inspection.entity';
import { RectificationItem } from '../../src/rectifications/rectification.entity';
import type { RectificationStatus } from '../../src/rectifications/rectification-state';
import { Organisation, seedOrganisation } from '../support/fixtures';
import { MediumServices, newMediumServices } from '../support/medium';
import { chinaTime } from '../support/scheduling';

/** Rectification items as the assessment reads them: signed off in the period, or overdue at its end. */
describe('the recorded outcomes of a period: rectification items (medium)', () => {
  let medium: MediumServices;
  let org: Organisation;
  let ids: Record<string, number>;

  beforeAll(async () => {
    medium = await newMediumServices(chinaTime('2026-04-02', '10:00'));
    org = await seedOrganisation(medium.dataSource);
    const manager = medium.dataSource.manager;
    const document = await manager.save(manager.create(SourceDocument, { kind: 'inspection', title: '2026年第一季度明查暗访', docNumber: null, issuer: '测试市反诈联席办', issuedOn: '2026-02-02', body: '检查记录', createdBy: org.users.office.id }));
    const inspection = await manager.save(manager.create(Inspection, { documentId: document.id, type: 'unannounced', inspectors: '张三', createdBy: org.users.office.id, createdAt: new Date('2026-02-02T02:00:00Z') }));
    const item = async (location: string, status: RectificationStatus, deadline: string | null, signedOffAt: string | null) =>
      (
        await manager.save(
          manager.create(RectificationItem, { inspectionId: inspection.id, unitId: org.town.id, location, problem: '未张贴警示标识', rule: '网点管理办法', requirements: ['张贴警示标识'], priority: 'normal', deadlineDays: 10, deadline, recheckOn: null, status, sortKey: '0', noticeId: null, reopenCount: 0, issuedAt: new Date('2026-02-03T02:00:00Z'), signedOffAt: signedOffAt ? new Date(signedOffAt) : null, createdBy: org.users.office.id }),
        )
      ).id;
    ids = {
      onTime: await item('甲网点', 'signed_off', '2026-03-10', '2026-03-09T10:00:00+08:00'),
      late: await item('乙网点', 'signed_off', '2026-03-10', '2026-03-20T10:00:00+08:00'),
      open: await item('丙网点', 'plan_accepted', '2026-03-25', null),
      notYetDue: await item('丁网点', 'issued', '2026-04-20', null),
      cancelled: await item('戊网点', 'cancelled', '2026-03-05', null),
      draft: await item('己网点', 'draft', null, null),
      // Signed off before the period: not this period's outcome.
      earlier: await item('庚网点', 'signed_off', '2026-02-20', '2026-02-25T10:00:00+08:00'),
    };
  });
  afterAll(() => medium.close());

  it('counts sign-offs in the period and items overdue by their deadline, and nothing else', async () => {
    const calendar = await medium.get(CalendarService).calendar();
    const outcomes = await medium.get(AssessmentOutcomes).collect(medium.dataSource.manager, { startOn: '2026-03-01', endOn: '2026-03-31', asOf: '2026-03-31' }, calendar);
    const seen = outcomes.filter((o) => o.recordType === 'rectification').map((o) => [o.rule, o.recordId, o.on]);
    expect(seen).toHaveLength(4);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['rectification_signed_off', ids.onTime, '2026-03-09'],
        ['rectification_signed_off', ids.late, '2026-03-20'],
        ['rectification_overdue', ids.late, '2026-03-10'],
        ['rectification_overdue', ids.open, '2026-03-25'],
      ]),
    );
    const open = outcomes.find((o) => o.recordId === ids.open)!;
    expect(open).toMatchObject({ unitId: org.town.id, link: `/rectifications/${ids.open}`, role: null, quantity: 1 });
    expect(open.event).toContain('截至2026-03-31未销号');
  });

  it('reads a period still running only up to today', async () => {
    const calendar = await medium.get(CalendarService).calendar();
    const outcomes = await medium.get(AssessmentOutcomes).collect(medium.dataSource.manager, { startOn: '2026-03-01', endOn: '2026-03-31', asOf: '2026-03-22' }, calendar);
    // The open item's deadline (3-25) has not passed by 3-22.
    expect(outcomes.filter((o) => o.rule === 'rectification_overdue').map((o) => o.recordId)).toEqual([ids.late]);
  });
});

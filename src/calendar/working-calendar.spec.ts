import { publishedCalendar, withOverrides } from './calendar-data';
import { CalendarNotCoveredError, chinaDate, parseIsoDate, WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(publishedCalendar());

describe('WorkingCalendar on the published national schedule', () => {
  it('knows ordinary weekdays and weekends', () => {
    expect(calendar.isWorkingDay('2026-03-10')).toBe(true); // Tuesday
    expect(calendar.isWorkingDay('2026-03-14')).toBe(false); // Saturday
  });

  it('does not count the start day: one working day after a Thursday is the Friday', () => {
    expect(calendar.addWorkingDays('2026-03-12', 1)).toBe('2026-03-13');
    expect(calendar.addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
    expect(calendar.addWorkingDays('2026-03-13', 5)).toBe('2026-03-20');
  });

  it('counts back from a deadline to the day N working days before it, skipping weekends', () => {
    expect(calendar.subtractWorkingDays('2026-03-20', 1)).toBe('2026-03-19');
    expect(calendar.subtractWorkingDays('2026-03-20', 5)).toBe('2026-03-13');
    expect(calendar.subtractWorkingDays('2026-03-22', 1)).toBe('2026-03-19'); // a Sunday deadline: Friday is 0 days before
    for (const n of [1, 3, 5, 7]) expect(calendar.workingDaysUntil(calendar.subtractWorkingDays('2026-10-12', n), '2026-10-12')).toBe(n);
  });

  describe('Spring Festival 2026 (holiday 15–23 February, make-up Saturdays 14 and 28 February)', () => {
    it('counts the make-up Saturday and skips the holiday', () => {
      expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
      expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // a Monday in the holiday
      expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
      expect(calendar.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    });

    it('counts back across the holiday to the make-up Saturday', () => {
      expect(calendar.subtractWorkingDays('2026-02-24', 1)).toBe('2026-02-14');
      expect(calendar.subtractWorkingDays('2026-02-25', 3)).toBe('2026-02-13');
    });

    it('counts working days left across the holiday', () => {
      expect(calendar.workingDaysUntil('2026-02-12', '2026-02-24')).toBe(3); // 13, 14 and 24
      expect(calendar.workingDaysUntil('2026-02-27', '2026-03-02')).toBe(2); // Saturday 28 and Monday 2
    });
  });

  describe('Spring Festival 2025 (holiday 28 January–4 February, make-up 26 January and 8 February)', () => {
    it('skips the holiday and counts both make-up days', () => {
      expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday
      expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
      expect(calendar.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
      expect(calendar.addWorkingDays('2025-02-07', 1)).toBe('2025-02-08'); // Saturday
    });
  });

  describe('National Day 2026 (holiday 1–7 October, make-up Sunday 20 September and Saturday 10 October)', () => {
    it('lands on the make-up days and after the holiday', () => {
      expect(calendar.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
      expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
      expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    });

    it('counts overdue working days as negative', () => {
      expect(calendar.workingDaysUntil('2026-09-30', '2026-10-10')).toBe(3);
      expect(calendar.workingDaysUntil('2026-10-10', '2026-10-10')).toBe(0);
      expect(calendar.workingDaysUntil('2026-10-12', '2026-10-08')).toBe(-3); // 9, 10 (Saturday) and 12
    });
  });

  it('refuses to count into a year whose schedule is not published, instead of assuming Monday–Friday', () => {
    expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    expect(() => calendar.addWorkingDays('2026-12-31', 1)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.workingDaysUntil('2026-12-01', '2027-01-05')).toThrow(/2027 年/);
  });
});

describe('WorkingCalendar with the office overrides', () => {
  it('applies a local holiday and a make-up day, and a year the office has entered', () => {
    const local = new WorkingCalendar(
      withOverrides(
        publishedCalendar(),
        [
          { date: '2026-03-13', kind: 'holiday' },
          { date: '2026-03-14', kind: 'workday' },
          { date: '2027-01-01', kind: 'holiday' },
        ],
        [2027],
      ),
    );
    expect(local.addWorkingDays('2026-03-12', 1)).toBe('2026-03-14');
    expect(local.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2026-01-01', Date.UTC(2026, 0, 1)],
    ['2026-12-31', Date.UTC(2026, 11, 31)],
    ['2028-02-29', Date.UTC(2028, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
  ])('reads %s', (date, time) => {
    expect(parseIsoDate(date)).toBe(time);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '0050-01-01', '2026-01-01T00:00', ''])('refuses %p', (date) => {
    expect(() => parseIsoDate(date)).toThrow('Not a calendar date');
  });
});

describe('chinaDate', () => {
  it('gives the date in China, eight hours ahead of UTC', () => {
    expect(chinaDate(new Date('2026-03-09T15:59:00Z'))).toBe('2026-03-09');
    expect(chinaDate(new Date('2026-03-09T16:00:00Z'))).toBe('2026-03-10');
  });
});

describe('how far ahead a deadline may be set', () => {
  const covered = (years: number[]) => new WorkingCalendar({ holidays: new Set(), workdays: new Set(), coveredYears: new Set(years) });

  it.each([
    [[2024, 2025, 2026], '2029-12-31'],
    [[2026, 2027], '2030-12-31'],
  ])('covered %j: until %s', (years, latest) => {
    expect(covered(years).latestDeadline()).toBe(latest);
  });

  it('names the years of the dates it does not cover, once each, ascending, and the last year it does', () => {
    expect(covered([2025, 2026]).coveredThrough()).toBe(2026);
    expect(covered([2025, 2026]).yearsNotCovered(['2028-01-05', '2026-12-31', null, '2027-03-31', '2027-06-30'])).toEqual([2027, 2028]);
    expect(covered([2025, 2026]).yearsNotCovered(['2026-01-05', null])).toEqual([]);
  });

  it('refuses a later date with a Chinese message naming the field and saying why', () => {
    expect(() => covered([2026]).assertWithinReach('2029-12-31', 'deadline', '办理时限')).not.toThrow();
    let thrown: unknown;
    try {
      covered([2026]).assertWithinReach('2030-01-01', 'deadline', '办理时限');
    } catch (error) {
      thrown = error;
    }
    const message = '办理时限不能晚于 2029-12-31：工作日历已录入到 2026 年，期限最多可设到其后 3 年的年底';
    expect(thrown).toMatchObject({ code: 'VALIDATION_FAILED', message, details: [{ field: 'deadline', message }] });
  });
});

describe('workingDaysUntil over months and years', () => {
  const covered = [...publishedCalendar().coveredYears].sort();
  /** Day by day, as the rule reads: the working days in (from, to], negative when counting back. */
  const dayByDay = (from: string, to: string) => {
    const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let t = Date.parse(low) + 86_400_000; t <= Date.parse(high); t += 86_400_000) if (calendar.isWorkingDay(new Date(t).toISOString().slice(0, 10))) count++;
    return sign * count;
  };
  const first = covered[0];
  const last = covered[covered.length - 1];

  it.each([
    [`${first}-01-01`, `${first}-01-01`],
    [`${first}-12-31`, `${first + 1}-01-01`],
    [`${first + 1}-01-01`, `${first}-12-31`],
    [`${first}-01-01`, `${last}-12-31`],
    [`${last}-12-31`, `${first}-01-01`],
    [`${first}-02-27`, `${first}-03-02`],
    [`${last}-06-15`, `${last}-10-08`],
  ])('from %s to %s it agrees with counting day by day', (from, to) => {
    expect(calendar.workingDaysUntil(from, to)).toBe(dayByDay(from, to));
  });

  it('still refuses to count into a year it does not cover, whichever way', () => {
    expect(() => calendar.workingDaysUntil(`${last}-12-01`, `${last + 1}-01-05`)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.workingDaysUntil(`${first - 1}-12-30`, `${first}-01-05`)).toThrow(CalendarNotCoveredError);
    expect(calendar.workingDaysUntil(`${first - 1}-12-31`, `${first}-01-05`)).toBe(dayByDay(`${first - 1}-12-31`, `${first}-01-05`));
  });
});

import { DATE_YEARS, isIsoDate, isIsoInstant } from './dates';

describe('isIsoDate', () => {
  it.each(['2026-03-02', '2028-02-29', `${DATE_YEARS.first}-01-01`, `${DATE_YEARS.last}-12-31`])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    ['an impossible day', '2026-02-30'],
    ['29 February of a common year', '2027-02-29'],
    ['31 April', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-10'],
    ['day 0', '2026-01-00'],
    ['an absurd year', '9999-12-31'],
    ['a year before the service', `${DATE_YEARS.first - 1}-12-31`],
    ['a year after it', `${DATE_YEARS.last + 1}-01-01`],
    ['a five-digit year', '+02026-01-01'],
    ['no leading zeros', '2026-3-2'],
    ['a date and time', '2026-03-02T00:00'],
    ['slashes', '2026/03/02'],
    ['a number', 20260302],
  ])('refuses %s', (_what, value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('isIsoInstant', () => {
  it.each(['2026-03-02', '2026-03-02T09:30', '2026-03-02T09:30:15', '2026-03-02T09:30:15.123Z', '2026-03-02T23:59:59+08:00'])('accepts %s', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each(['2026-02-30', '2026-02-30T10:00', '2026-03-02T24:00', '2026-03-02T09:60', '2026-03-02T09:30:60', '2026-03-02T09:30+25:00', '2026-03-02 09:30', 'yesterday', '1772409600000', '9999-12-31T00:00Z'])('refuses %s', (value) => {
    expect(isIsoInstant(value)).toBe(false);
  });
});

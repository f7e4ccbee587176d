import {
  formatCountdown,
  formatDate,
  formatDateTime,
  formatDuration,
  formatRelative,
  resolveTimeZone,
} from './format';

describe('formatDuration', () => {
  it.each([
    [0, 'en', '0s'],
    [45_000, 'en', '45s'],
    [5 * 60_000, 'en', '5m'],
    [2 * 3_600_000 + 15 * 60_000, 'en', '2h 15m'],
    [2 * 3_600_000, 'en', '2h'],
    [3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000, 'en', '3d 4h'],
    [-40 * 60_000, 'en', '40m'],
    [2 * 3_600_000 + 15 * 60_000, 'ru', '2 ч 15 мин'],
    [86_400_000, 'ru', '1 д.'],
  ] as const)('%d ms in %s is %s', (ms, language, expected) => {
    expect(formatDuration(ms, language).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

describe('formatCountdown', () => {
  it.each([
    [59_000, '0:00:59'],
    [3_600_000 + 61_000, '1:01:01'],
    [-125_000, '−0:02:05'],
    [2 * 86_400_000 + 3_600_000, '2d 1:00:00'],
  ])('%d ms shows as %s', (ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected);
  });
});

describe('dates in the reader’s time zone', () => {
  // 21:30 UTC is already the next day in Moscow (UTC+3).
  const instant = '2026-03-14T21:30:00Z';

  it('shows the wall time of the zone, not of the machine', () => {
    expect(formatDateTime(instant, { language: 'en', timeZone: 'Europe/Moscow' })).toBe(
      '15 Mar 2026, 00:30',
    );
    expect(formatDateTime(instant, { language: 'en', timeZone: 'America/New_York' })).toBe(
      '14 Mar 2026, 17:30',
    );
    expect(formatDate(instant, { language: 'ru', timeZone: 'Europe/Moscow' })).toBe(
      '15 мар. 2026 г.',
    );
  });

  it('falls back to the browser’s zone when the profile’s is unknown', () => {
    expect(resolveTimeZone('Europe/Moscow', 'UTC')).toBe('Europe/Moscow');
    expect(resolveTimeZone('Mars/Olympus_Mons', 'UTC')).toBe('UTC');
    expect(resolveTimeZone(null, 'Asia/Yekaterinburg')).toBe('Asia/Yekaterinburg');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-03-14T12:00:00Z');

  it.each([
    ['2026-03-14T11:59:30Z', 'en', 'now'],
    ['2026-03-14T11:55:00Z', 'en', '5 minutes ago'],
    ['2026-03-14T09:00:00Z', 'en', '3 hours ago'],
    ['2026-03-13T12:00:00Z', 'en', 'yesterday'],
    ['2026-03-14T14:00:00Z', 'en', 'in 2 hours'],
    ['2026-03-14T11:55:00Z', 'ru', '5 минут назад'],
    ['2026-03-14T11:58:00Z', 'ru', '2 минуты назад'],
  ] as const)('%s is “%s” in %s', (iso, language, expected) => {
    expect(formatRelative(iso, now, language)).toBe(expected);
  });
});

import type { Language } from '../i18n/language';

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

export interface Zone {
  language: Language;
  /** IANA time zone the reader lives in. */
  timeZone: string;
}

/** The reader's zone when it is a real IANA zone, else the browser's. */
export function resolveTimeZone(preferred: string | null | undefined, browser: string): string {
  if (preferred) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: preferred });
      return preferred;
    } catch {
      // An unknown zone in a profile must not break every date on the page.
    }
  }
  return browser;
}

export function formatDateTime(iso: string, { language, timeZone }: Zone): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatDate(iso: string, { language, timeZone }: Zone): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "5 minutes ago", "in 2 hours", "yesterday": the largest unit that fits. */
export function formatRelative(iso: string, now: Date, language: Language): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs < MINUTE) return format.format(0, 'second');
  if (abs < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  if (abs < 30 * DAY) return format.format(Math.round(diff / DAY), 'day');
  return format.format(Math.round(diff / (30 * DAY)), 'month');
}

function unit(value: number, name: 'day' | 'hour' | 'minute' | 'second', language: Language) {
  return new Intl.NumberFormat(localeOf(language), {
    style: 'unit',
    unit: name,
    // Narrow reads at a glance in a queue: "2h 15m", "2 ч 15 мин".
    unitDisplay: 'narrow',
  }).format(value);
}

/**
 * A length of time in the two largest units an agent reads at a glance: "3d 4h",
 * "2h 15m", "45m", "30s". The sign is ignored; callers say "overdue by".
 */
export function formatDuration(ms: number, language: Language): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return unit(Math.max(0, Math.floor(abs / 1000)), 'second', language);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const parts: string[] = [];
  if (days > 0) {
    parts.push(unit(days, 'day', language));
    if (hours > 0) parts.push(unit(hours, 'hour', language));
  } else if (hours > 0) {
    parts.push(unit(hours, 'hour', language));
    if (minutes > 0) parts.push(unit(minutes, 'minute', language));
  } else {
    parts.push(unit(minutes, 'minute', language));
  }
  return parts.join(' ');
}

/** A countdown for a live clock: h:mm:ss, with days in front when it is that far. */
export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const clock = `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return `${ms < 0 ? '−' : ''}${days > 0 ? `${days}d ` : ''}${clock}`;
}

export function formatFileSize(bytes: number, language: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024;
    index += 1;
  }
  return new Intl.NumberFormat(localeOf(language), {
    style: 'unit',
    unit: units[index],
    unitDisplay: 'short',
    maximumFractionDigits: index === 0 ? 0 : 1,
  }).format(value);
}

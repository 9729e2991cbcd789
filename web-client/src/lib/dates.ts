// Business dates are plain YYYY-MM-DD strings in the bureau's zone (Asia/Shanghai), as the API sends
// them; arithmetic is done in UTC so that the browser's own zone never shifts a day.
import type { Language } from './i18n';

export function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatDay(date: Date): string {
  return date.toISOString().substring(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return formatDay(date);
}

/** Monday 0 … Sunday 6. */
export function weekdayIndex(day: string): number {
  return (parseDay(day).getUTCDay() + 6) % 7;
}

export function monthOf(day: string): { year: number; month: number } {
  const [y, m] = day.split('-').map(Number);
  return { year: y, month: m };
}

export function firstOfMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

export function lastOfMonth(year: number, month: number): string {
  return formatDay(new Date(Date.UTC(year, month, 0)));
}

export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const WEEKDAYS = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function weekdayNames(lang: Language): string[] {
  return WEEKDAYS[lang];
}

/** 11月30日 周一 / Mon 30 Nov (with the year when asked). */
export function describeDay(day: string, lang: Language, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = WEEKDAYS[lang][weekdayIndex(day)];
  if (lang === 'en') {
    return `${weekday} ${d} ${MONTHS_EN[m - 1]}${withYear ? ` ${y}` : ''}`;
  }
  return `${withYear ? `${y}年` : ''}${m}月${d}日 ${weekday}`;
}

export function describeMonth(year: number, month: number, lang: Language): string {
  return lang === 'en' ? `${MONTHS_EN[month - 1]} ${year}` : `${year}年${month}月`;
}

/** 09:00:00 → 09:00. */
export function hm(time: string): string {
  return time.substring(0, 5);
}

/** An instant shown in the bureau's zone: 11月30日 09:05 / 30 Nov 09:05. */
export function describeInstant(instant: string, lang: Language): string {
  const date = new Date(instant);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  const time = `${get('hour')}:${get('minute')}`;
  const [, m, d] = day.split('-').map(Number);
  return lang === 'en' ? `${d} ${MONTHS_EN[m - 1]} ${time}` : `${m}月${d}日 ${time}`;
}

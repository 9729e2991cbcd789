import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { monthWeeks } from '../lib/calendar';
import { addDays, describeMonth, weekdayNames } from '../lib/dates';
import { useI18n } from '../lib/i18n';

export interface DayCell {
  /** Class names that colour the day (tone-plenty, hot, …). */
  className: string;
  /** What a screen reader says for the day: date, state, seats. */
  label: string;
  /** Shown small under the date number (seats left, 满, 休). */
  note?: ReactNode;
  /** A corner mark (热 for hot dates). */
  mark?: ReactNode;
  disabled?: boolean;
}

/**
 * A month of days as a table of buttons, Monday first. Each day says in words what its colour
 * means; arrow keys move between days, Home/End to the week's ends.
 */
export function MonthCalendar({ year, month, selected, onSelect, onMonthChange, canPrev, canNext, cell, caption }: {
  year: number;
  month: number;
  selected?: string | null;
  onSelect: (day: string) => void;
  onMonthChange: (by: number) => void;
  canPrev: boolean;
  canNext: boolean;
  cell: (day: string) => DayCell;
  caption: string;
}) {
  const { t, lang } = useI18n();
  const table = useRef<HTMLTableElement>(null);
  const weeks = monthWeeks(year, month);

  const move = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    const day = target.dataset.day;
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (!day) {
      return;
    }
    let next: string | null = null;
    if (event.key in steps) {
      next = addDays(day, steps[event.key]);
    } else if (event.key === 'Home' || event.key === 'End') {
      const week = weeks.find((w) => w.includes(day)) ?? [];
      const days = week.filter((d): d is string => d !== null);
      next = event.key === 'Home' ? days[0] : days[days.length - 1];
    }
    const button = next ? table.current?.querySelector<HTMLButtonElement>(`button[data-day="${next}"]`) : null;
    if (button) {
      event.preventDefault();
      button.focus();
    }
  };

  return (
    <div className="month">
      <div className="month-head">
        <button type="button" onClick={() => onMonthChange(-1)} disabled={!canPrev} aria-label={t('calendar.prevMonth')}>
          ‹
        </button>
        <h3 aria-live="polite">{describeMonth(year, month, lang)}</h3>
        <button type="button" onClick={() => onMonthChange(1)} disabled={!canNext} aria-label={t('calendar.nextMonth')}>
          ›
        </button>
      </div>
      <table className="calendar" ref={table} onKeyDown={move}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {weekdayNames(lang).map((name) => (
              <th key={name} scope="col">{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => {
                if (!day) {
                  return <td key={j} />;
                }
                const c = cell(day);
                return (
                  <td key={day}>
                    <button
                      type="button"
                      data-day={day}
                      className={`day ${c.className}${selected === day ? ' selected' : ''}`}
                      aria-label={c.label}
                      aria-pressed={selected === day}
                      disabled={c.disabled}
                      onClick={() => onSelect(day)}
                    >
                      <span className="num" aria-hidden="true">{Number(day.substring(8))}</span>
                      {c.mark && <span className="mark" aria-hidden="true">{c.mark}</span>}
                      {c.note !== undefined && <span className="note" aria-hidden="true">{c.note}</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { ErrorMessage, Loading } from '../../components/Alerts';
import { MonthCalendar, type DayCell } from '../../components/MonthCalendar';
import { seatsLeft, toneOf, waitlistable, type AvailabilityDay, type AvailabilitySlot, type Tone } from '../../lib/calendar';
import { addDays, describeDay, describeInstant, hm, monthOf, shiftMonth } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import type { useAvailability } from '../../lib/useAvailability';

const TONES: Tone[] = ['plenty', 'some', 'few', 'full', 'unreleased', 'closed'];

/**
 * The month calendar coloured by seats left (live), hot dates marked, closed days explained; the
 * chosen day's slots; and, on a full day, the waitlist.
 */
export function DayAndSlot({ availability, maxDaysAhead, selectedDay, onSelectDay, onSelectSlot, onJoinWaitlist, currentSlot }: {
  availability: ReturnType<typeof useAvailability>;
  maxDaysAhead: number;
  selectedDay: string | null;
  onSelectDay: (day: string) => void;
  onSelectSlot: (day: AvailabilityDay, slot: AvailabilitySlot) => void;
  onJoinWaitlist?: (day: string) => void;
  /** When rescheduling: the slot already booked, not offered again. */
  currentSlot?: { date: string; start: string };
}) {
  const { t, lang } = useI18n();
  const { today, view, days, error, loading } = availability;
  const slotsHeading = useRef<HTMLHeadingElement>(null);
  const byDate = new Map(days.map((day) => [day.date, day]));
  const selected = selectedDay ? byDate.get(selectedDay) : undefined;

  useEffect(() => {
    if (selectedDay) {
      slotsHeading.current?.focus();
    }
  }, [selectedDay]);

  if (error) {
    return <ErrorMessage error={error} />;
  }
  if (!today || !view) {
    return <Loading label={t('common.loading')} />;
  }
  const last = monthOf(addDays(today, maxDaysAhead));
  const first = monthOf(today);
  const index = (m: { year: number; month: number }) => m.year * 12 + m.month;

  const cell = (date: string): DayCell => {
    const day = byDate.get(date);
    const tone = date < today ? 'past' : toneOf(day, today);
    const { remaining } = day ? seatsLeft(day) : { remaining: 0 };
    const words = [describeDay(date, lang)];
    let note: string | undefined;
    if (tone === 'plenty' || tone === 'some' || tone === 'few') {
      note = t('calendar.left', { count: remaining });
      words.push(t('calendar.leftLong', { count: remaining }));
    } else if (tone !== 'past') {
      note = t(`calendar.short.${tone}` as MessageKey);
      words.push(t(`tone.${tone}` as MessageKey));
    }
    if (day?.hot) {
      words.push(t('calendar.hot'));
    }
    return {
      className: `tone-${tone}${day?.hot ? ' hot' : ''}${date === today ? ' today' : ''}`,
      label: words.join('，'),
      note,
      mark: day?.hot ? t('calendar.hotMark') : undefined,
      disabled: tone === 'past' || (loading && !day),
    };
  };

  return (
    <div className="day-and-slot">
      <MonthCalendar
        year={view.year}
        month={view.month}
        selected={selectedDay}
        onSelect={onSelectDay}
        onMonthChange={(by) => availability.setView(shiftMonth(view.year, view.month, by))}
        canPrev={index(view) > index(first)}
        canNext={index(view) < index(last)}
        cell={cell}
        caption={t('calendar.caption')}
      />
      <ul className="legend" aria-label={t('calendar.legend')}>
        {TONES.map((tone) => (
          <li key={tone}><span className={`chip tone-${tone}`} aria-hidden="true" />{t(`tone.${tone}` as MessageKey)}</li>
        ))}
        <li><span className="chip hot-chip" aria-hidden="true">{t('calendar.hotMark')}</span>{t('calendar.hot')}</li>
      </ul>
      {loading && <Loading label={t('common.loading')} />}
      {selectedDay && (
        <section className="slots" aria-labelledby="slots-title">
          <h3 id="slots-title" ref={slotsHeading} tabIndex={-1}>{describeDay(selectedDay, lang, true)}</h3>
          <DayDetail day={selected} date={selectedDay} today={today} onSelectSlot={onSelectSlot} onJoinWaitlist={onJoinWaitlist} currentSlot={currentSlot} />
        </section>
      )}
    </div>
  );
}

function DayDetail({ day, date, today, onSelectSlot, onJoinWaitlist, currentSlot }: {
  day: AvailabilityDay | undefined;
  date: string;
  today: string;
  onSelectSlot: (day: AvailabilityDay, slot: AvailabilitySlot) => void;
  onJoinWaitlist?: (day: string) => void;
  currentSlot?: { date: string; start: string };
}) {
  const { t, lang } = useI18n();
  const tone = toneOf(day, today);
  if (day && day.open && !day.bookable && !day.releasesAt && day.slots.length > 0) {
    return <p className="explain">{t('book.tooLateDay')}</p>;
  }
  if (!day || tone === 'closed' || tone === 'past') {
    return <p className="explain">{t('book.dayClosed', { reason: day?.reason ?? t('book.notOpened') })}</p>;
  }
  if (tone === 'unreleased') {
    return <p className="explain">{t('book.releasesAt', { at: describeInstant(day.releasesAt!, lang) })}</p>;
  }
  return (
    <>
      {day.hot && <p className="explain">{t('book.hotExplain')}</p>}
      <ul className="slot-list">
        {day.slots.map((slot) => {
          const mine = currentSlot && currentSlot.date === day.date && hm(currentSlot.start) === hm(slot.start);
          const label = `${hm(slot.start)}–${hm(slot.end)}`;
          const state = mine ? t('my.currentSlot') : slot.inTime === false ? t('book.tooLate')
            : slot.remaining > 0 ? t('calendar.left', { count: slot.remaining }) : t('calendar.short.full');
          const stateLong = mine ? t('my.currentSlot') : slot.inTime === false ? t('book.tooLate')
            : slot.remaining > 0 ? t('calendar.leftLong', { count: slot.remaining }) : t('tone.full');
          return (
            <li key={slot.start}>
              <button
                type="button"
                className="slot"
                disabled={slot.remaining <= 0 || mine}
                onClick={() => onSelectSlot(day, slot)}
                aria-label={`${label}，${stateLong}`}
              >
                <span className="slot-time">{label}</span>
                <span className="slot-left">{state}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {waitlistable(day, today) && onJoinWaitlist && (
        <div className="waitlist-offer">
          <p>{t('book.fullDay')}</p>
          <button type="button" onClick={() => onJoinWaitlist(date)}>{t('book.joinWaitlist')}</button>
        </div>
      )}
    </>
  );
}

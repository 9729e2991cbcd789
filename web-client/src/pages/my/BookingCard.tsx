import { useRef, useState } from 'react';
import { ErrorMessage } from '../../components/Alerts';
import { BookingSummary } from '../../components/BookingSummary';
import { api, asApiError, type ApiError } from '../../lib/api';
import { describeDay, hm } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { Booking, ServiceInfo } from '../../lib/types';
import { Reschedule } from './Reschedule';

/** One of a citizen's bookings with what can still be done with it: cancel or move it (the page says how it went). */
export function BookingCard({ booking, service, token, onChanged }: {
  booking: Booking;
  service?: ServiceInfo;
  token: string;
  onChanged: (booking: Booking, message: string) => void;
}) {
  const { t, lang } = useI18n();
  const [mode, setMode] = useState<'view' | 'cancel' | 'reschedule'>('view');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const card = useRef<HTMLElement>(null);
  const changeable = booking.status === 'CONFIRMED';

  const run = async (work: () => Promise<Booking>, done: (b: Booking) => string) => {
    setBusy(true);
    setError(null);
    try {
      const changed = await work();
      setMode('view');
      onChanged(changed, done(changed));
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
      card.current?.querySelector<HTMLElement>('h2')?.focus();
    }
  };

  return (
    <article className="card booking-card" ref={card} aria-labelledby={`b-${booking.code}`}>
      <h2 id={`b-${booking.code}`} tabIndex={-1}>
        {lang === 'en' && service ? service.nameEn : booking.serviceName} · {describeDay(booking.date, lang)} {hm(booking.slotStart)}
      </h2>
      <BookingSummary booking={booking} token={token} showQr={mode === 'view'} />
      <ErrorMessage error={error} />
      {changeable && mode === 'view' && (
        <div className="actions">
          {service && <button type="button" onClick={() => setMode('reschedule')}>{t('my.reschedule')}</button>}
          <button type="button" className="danger" onClick={() => setMode('cancel')}>{t('my.cancel')}</button>
        </div>
      )}
      {mode === 'cancel' && (
        <div className="confirm-box" role="group" aria-label={t('my.cancelConfirm')}>
          <p>{t('my.cancelConfirm')}</p>
          <div className="actions">
            <button type="button" onClick={() => setMode('view')}>{t('my.keep')}</button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => run(() => api<Booking>(`/api/v1/bookings/${booking.code}`, { method: 'DELETE', token }), () => t('my.cancelled'))}
            >
              {t('my.cancelYes')}
            </button>
          </div>
        </div>
      )}
      {mode === 'reschedule' && service && (
        <Reschedule
          booking={booking}
          service={service}
          busy={busy}
          onCancel={() => setMode('view')}
          onChoose={(day, slot) => run(
            () => api<Booking>(`/api/v1/bookings/${booking.code}/reschedule`, { token, body: { date: day.date, slotStart: slot.start } }),
            (moved) => t('my.moved', { when: `${describeDay(moved.date, lang)} ${hm(moved.slotStart)}` }),
          )}
        />
      )}
    </article>
  );
}

import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage, Loading, StatusMessage } from '../../components/Alerts';
import { Field } from '../../components/Field';
import { api, asApiError, type ApiError } from '../../lib/api';
import { formatCode } from '../../lib/codes';
import { describeDay, hm } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { latestOnly } from '../../lib/latest';
import type { MessageKey } from '../../lib/messages';
import { servicesFor } from '../../lib/roles';
import { serverToday } from '../../lib/serverToday';
import type { StaffSession } from '../../lib/session';
import type { Booking } from '../../lib/types';
import { useLive } from '../../lib/useLive';

// The QR decoder loads when the camera is first opened.
const QrScanner = lazy(() => import('../../components/QrScanner').then((m) => ({ default: m.QrScanner })));

/**
 * The desk's day: the bookings of the services this account serves, per office and slot; check-in
 * by code or by scanning the citizen's QR code; no-shows once a slot is over. Kept live: a booking
 * or cancellation elsewhere reloads the list.
 */
export function TodayPanel({ session }: { session: StaffSession }) {
  const { t, lang } = useI18n();
  const [day, setDay] = useState<string | null>(null);
  const [bookings, setBookings] = useState<Booking[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const reloadTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    serverToday().then(setDay, (failure) => setError(asApiError(failure)));
  }, []);

  const latest = useMemo(latestOnly, []);
  const load = useCallback(() => {
    if (!day) {
      return;
    }
    latest(api<Booking[]>(`/api/v1/staff/bookings?date=${day}`, { token: session.token }),
      (list) => { setBookings(list); setError(null); }, (failure) => setError(asApiError(failure)));
  }, [day, session.token, latest]);
  useEffect(load, [load]);

  const services = servicesFor(session.roles);
  const handlers = Object.fromEntries(services.map((service) => [`/topic/availability.${service}`, (body: unknown) => {
    if ((body as { date?: string }).date === day) {
      window.clearTimeout(reloadTimer.current);
      reloadTimer.current = window.setTimeout(load, 300);
    }
  }]));
  useLive(null, handlers, load, day !== null);

  const checkIn = async (value: { code?: string; qr?: string }) => {
    setResult(null);
    setCodeError(null);
    try {
      const booking = await api<Booking>('/api/v1/staff/bookings/check-in', { token: session.token, body: value });
      const who = booking.parties?.map((p) => p.name).join('、') ?? booking.applicant?.name ?? '';
      setResult(t('today.checkedIn', { code: formatCode(booking.code), who, time: hm(booking.slotStart) }));
      setCode('');
      load();
    } catch (failure) {
      const problem = asApiError(failure);
      setCodeError(problem.fieldMessage('code') ?? problem.message);
    }
  };

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{8}$/.test(digits)) {
      setResult(null);
      setCodeError(t('today.codeFormat'));
      return;
    }
    void checkIn({ code: digits });
  };

  const noShow = async (booking: Booking) => {
    setRowErrors({ ...rowErrors, [booking.code]: '' });
    try {
      await api<Booking>(`/api/v1/staff/bookings/${booking.code}/no-show`, { token: session.token, method: 'POST' });
      setResult(t('today.markedNoShow', { code: formatCode(booking.code) }));
      load();
    } catch (failure) {
      setRowErrors({ ...rowErrors, [booking.code]: asApiError(failure).message });
    }
  };

  const offices = new Map<string, Booking[]>();
  (bookings ?? []).forEach((b) => offices.set(b.office, [...(offices.get(b.office) ?? []), b]));

  return (
    <section aria-labelledby="today-title">
      <div className="card">
        <h2 id="today-title">{t('today.title')}{day ? ` · ${describeDay(day, lang, true)}` : ''}</h2>
        <form onSubmit={submitCode} className="inline-form" noValidate>
          <Field id="checkin-code" label={t('today.code')} hint={t('today.codeHint')} inputMode="numeric" autoComplete="off"
            value={code} onChange={setCode} error={codeError} />
          <div className="actions">
            <button type="submit" className="primary">{t('today.checkIn')}</button>
            <button type="button" onClick={() => setScanning(!scanning)} aria-expanded={scanning}>{t('today.scan')}</button>
          </div>
        </form>
        {scanning && (
          <Suspense fallback={<Loading label={t('common.loading')} />}>
          <QrScanner
            onClose={() => setScanning(false)}
            onScan={(text) => {
              setScanning(false);
              void checkIn({ qr: text });
            }}
          />
          </Suspense>
        )}
        {result && <StatusMessage tone="ok">{result}</StatusMessage>}
      </div>
      <ErrorMessage error={error} />
      {!bookings && !error && <Loading label={t('common.loading')} />}
      {bookings && bookings.length === 0 && <p className="card">{t('today.none')}</p>}
      {[...offices.entries()].map(([office, list]) => (
        <section key={office} className="card" aria-label={office}>
          <h3>{office} <small className="muted">{t('today.count', { count: list.length })}</small></h3>
          <ul className="plain desk-list">
            {list.sort((a, b) => a.slotStart.localeCompare(b.slotStart)).map((booking) => (
              <li key={booking.code} className={`desk-row row-${booking.status.toLowerCase()}`} data-code={booking.code}>
                <div className="desk-main">
                  <strong>{hm(booking.slotStart)}–{hm(booking.slotEnd)}</strong>{' '}
                  <span className="mono">{formatCode(booking.code)}</span>{' '}
                  <span>{t(`service.${booking.service}` as MessageKey)}</span>
                  <div>
                    {booking.parties?.map((p) => `${p.name} ${p.idNumber}`).join('；')}
                    {booking.deceased && `${t('details.deceased')}：${booking.deceased.name}`}
                    {booking.deceased?.specialHandling && <strong className="warn"> · {t('details.specialHandlingShort')}</strong>}
                    {booking.applicant && ` · ${booking.applicant.name} ${booking.applicant.phone}`}
                    {booking.companions > 0 && ` · ${t('today.companions', { count: booking.companions })}`}
                  </div>
                </div>
                <span className={`badge status-${booking.status.toLowerCase()}`}>{t(`bookingStatus.${booking.status}` as MessageKey)}</span>
                {booking.status === 'CONFIRMED' && (
                  <div className="actions">
                    <button type="button" onClick={() => checkIn({ code: booking.code })}
                      aria-label={t('today.checkInOne', { code: formatCode(booking.code) })}>{t('today.checkIn')}</button>
                    <button type="button" onClick={() => noShow(booking)}
                      aria-label={t('today.noShowOne', { code: formatCode(booking.code) })}>{t('today.noShow')}</button>
                  </div>
                )}
                {rowErrors[booking.code] && <p className="field-error" role="alert">{rowErrors[booking.code]}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

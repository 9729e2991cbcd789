import { useCallback, useEffect, useState } from 'react';
import { ErrorMessage, Loading, StatusMessage } from '../components/Alerts';
import { PhoneVerification } from '../components/PhoneVerification';
import { api, asApiError, type ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { maskPhone } from '../lib/phone';
import { Link } from '../lib/router';
import { useCitizen, type CitizenSession } from '../lib/session';
import type { Booking, ServiceInfo, WaitlistEntry } from '../lib/types';
import { BookingCard } from './my/BookingCard';
import { WaitlistEntries } from './my/WaitlistEntries';

/** "My bookings": a citizen proves their phone once, then sees, cancels and moves bookings and waitlist places. */
export function MyBookingsPage() {
  const { t } = useI18n();
  const [citizen, setCitizen, forgetCitizen] = useCitizen();
  const [bookings, setBookings] = useState<Booking[] | null>(null);
  const [waitlist, setWaitlist] = useState<WaitlistEntry[]>([]);
  const [services, setServices] = useState<ServiceInfo[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async (session: CitizenSession) => {
    setError(null);
    try {
      const [mine, waiting, all] = await Promise.all([
        api<Booking[]>('/api/v1/bookings', { token: session.token }),
        api<WaitlistEntry[]>('/api/v1/waitlist', { token: session.token }),
        api<ServiceInfo[]>('/api/v1/services'),
      ]);
      setBookings(mine);
      setWaitlist(waiting);
      setServices(all);
    } catch (failure) {
      const problem = asApiError(failure);
      if (problem.status === 401) {
        forgetCitizen();
      }
      setError(problem);
    }
  }, [forgetCitizen]);

  useEffect(() => {
    if (citizen) {
      void load(citizen);
    }
  }, [citizen, load]);

  if (!citizen) {
    return (
      <section className="card narrow">
        <h1>{t('my.title')}</h1>
        <p>{t('my.verifyFirst')}</p>
        <ErrorMessage error={error} />
        <PhoneVerification submitLabel={t('my.show')} onVerified={setCitizen} />
      </section>
    );
  }
  const active = bookings?.filter((b) => b.status === 'CONFIRMED' || b.status === 'HELD') ?? [];
  const past = bookings?.filter((b) => !(b.status === 'CONFIRMED' || b.status === 'HELD')) ?? [];
  return (
    <section>
      <div className="toolbar">
        <h1>{t('my.title')}</h1>
        <p className="muted">
          {t('my.phone', { phone: maskPhone(citizen.phone) })}{' '}
          <button type="button" onClick={() => { forgetCitizen(); setBookings(null); }}>
            {t('my.forget')}
          </button>
        </p>
      </div>
      {message && <StatusMessage tone="ok">{message}</StatusMessage>}
      <ErrorMessage error={error} />
      {!bookings && !error && <Loading label={t('common.loading')} />}
      <WaitlistEntries
        entries={waitlist}
        services={services}
        token={citizen.token}
        onChanged={(text) => { setMessage(text); void load(citizen); }}
      />
      {bookings && active.length === 0 && (
        <p className="card">{t('my.none')} <Link href="/">{t('nav.book')}</Link></p>
      )}
      {active.map((booking) => (
        <BookingCard
          key={booking.code}
          booking={booking}
          service={services.find((s) => s.code === booking.service)}
          token={citizen.token}
          onChanged={(_, text) => { setMessage(text); void load(citizen); }}
        />
      ))}
      {past.length > 0 && (
        <details className="card">
          <summary>{t('my.past', { count: past.length })}</summary>
          {past.map((booking) => (
            <BookingCard key={booking.code} booking={booking} token={citizen.token} onChanged={() => void load(citizen)} />
          ))}
        </details>
      )}
    </section>
  );
}

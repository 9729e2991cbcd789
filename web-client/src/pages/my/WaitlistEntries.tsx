import { useState } from 'react';
import { ErrorMessage } from '../../components/Alerts';
import { api, asApiError, type ApiError } from '../../lib/api';
import { describeDay, describeInstant } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import type { Booking, ServiceInfo, WaitlistEntry } from '../../lib/types';
import { EMPTY_FORM } from '../book/details';
import { PartyForm } from '../book/PartyForm';

/** A citizen's places on waitlists; a seat offered from one is confirmed here with the people's details. */
export function WaitlistEntries({ entries, services, token, onChanged }: {
  entries: WaitlistEntry[];
  services: ServiceInfo[];
  token: string;
  onChanged: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const [confirming, setConfirming] = useState<WaitlistEntry | null>(null);
  const [form, setForm] = useState(EMPTY_FORM);
  const [error, setError] = useState<ApiError | null>(null);

  const leave = async (entry: WaitlistEntry) => {
    setError(null);
    try {
      await api(`/api/v1/waitlist/${entry.id}`, { method: 'DELETE', token });
      onChanged(t('my.leftWaitlist'));
    } catch (failure) {
      setError(asApiError(failure));
    }
  };

  const active = entries.filter((e) => e.status === 'WAITING' || e.status === 'OFFERED');
  if (active.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="waitlist-title">
      <h2 id="waitlist-title">{t('my.waitlist')}</h2>
      <ErrorMessage error={confirming ? null : error} />
      <ul className="plain">
        {active.map((entry) => {
          const service = services.find((s) => s.code === entry.service);
          return (
            <li key={entry.id} className="waitlist-entry">
              <p>
                <strong>{t(`service.${entry.service}` as MessageKey)}</strong> · {describeDay(entry.date, lang)} ·{' '}
                {entry.status === 'WAITING'
                  ? t('my.position', { position: entry.position ?? '—' })
                  : t('my.offered', { until: entry.offeredUntil ? describeInstant(entry.offeredUntil, lang) : '' })}
              </p>
              {confirming?.id === entry.id && service && entry.offeredCode ? (
                <PartyForm
                  service={service}
                  day={entry.date}
                  today={entry.date}
                  form={form}
                  setForm={setForm}
                  serverError={error}
                  onBack={() => setConfirming(null)}
                  onSubmit={async (details) => {
                    setError(null);
                    try {
                      await api<Booking>(`/api/v1/bookings/holds/${entry.offeredCode}/confirm`, {
                        token,
                        body: { ...details, travel: undefined, declaration: { recentTravel: details.travel } },
                      });
                      setConfirming(null);
                      onChanged(t('my.offerConfirmed'));
                    } catch (failure) {
                      setError(asApiError(failure));
                    }
                  }}
                />
              ) : (
                <div className="actions">
                  {entry.status === 'OFFERED' && entry.offeredCode && service && (
                    <button type="button" className="primary" onClick={() => { setError(null); setConfirming(entry); }}>
                      {t('my.confirmOffer')}
                    </button>
                  )}
                  <button type="button" onClick={() => leave(entry)}>{t('my.leaveWaitlist')}</button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { ErrorMessage, Loading } from '../../components/Alerts';
import { api, asApiError, type ApiError } from '../../lib/api';
import { describeInstant } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import type { StaffSession } from '../../lib/session';

interface SmsRecord {
  id: number;
  to: string;
  body: string;
  purpose: string;
  status: string;
  errorCode?: number;
  errorMessage?: string;
  attempts: number;
  createdAt: string;
  sentAt?: string;
}

const STATUSES = ['', 'PENDING', 'QUEUED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'SIMULATED', 'SUPPRESSED'];

/** The SMS outbox with each message's delivery status (command group), refreshed every few seconds. */
export function SmsPanel({ session }: { session: StaffSession }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState('');
  const [records, setRecords] = useState<SmsRecord[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(() => {
    api<SmsRecord[]>(`/api/v1/staff/sms?limit=100${status ? `&status=${status}` : ''}`, { token: session.token })
      .then((list) => { setRecords(list); setError(null); }, (failure) => setError(asApiError(failure)));
  }, [status, session.token]);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, 5000);
    return () => window.clearInterval(timer);
  }, [load]);

  return (
    <section className="card" aria-labelledby="sms-title">
      <div className="toolbar">
        <h2 id="sms-title">{t('sms.title')}</h2>
        <label className="inline">
          {t('sms.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => <option key={s} value={s}>{s ? t(`smsStatus.${s}` as MessageKey) : t('sms.all')}</option>)}
          </select>
        </label>
        <button type="button" onClick={load}>{t('common.refresh')}</button>
      </div>
      <ErrorMessage error={error} />
      {!records && !error && <Loading label={t('common.loading')} />}
      {records && records.length === 0 && <p>{t('sms.none')}</p>}
      {records && records.length > 0 && (
        <div className="table-scroll">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('sms.when')}</th>
                <th scope="col">{t('sms.to')}</th>
                <th scope="col">{t('sms.purpose')}</th>
                <th scope="col">{t('sms.status')}</th>
                <th scope="col">{t('sms.body')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <td>{describeInstant(r.createdAt, lang)}</td>
                  <td className="mono">{r.to}</td>
                  <td>{t(`smsPurpose.${r.purpose}` as MessageKey)}</td>
                  <td>
                    <span className={`badge sms-${r.status.toLowerCase()}`}>{t(`smsStatus.${r.status}` as MessageKey)}</span>
                    {r.attempts > 1 && <span className="muted"> ×{r.attempts}</span>}
                    {r.errorCode && <div className="field-error">{r.errorCode} {r.errorMessage}</div>}
                  </td>
                  <td className="sms-body">{r.body}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

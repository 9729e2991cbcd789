import { useEffect, useState } from 'react';
import { ErrorMessage, StatusMessage } from '../../components/Alerts';
import { Field } from '../../components/Field';
import { api, asApiError, type ApiError } from '../../lib/api';
import { describeDay, hm } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { checkDrafts, draftsOf, evenSlots, toSlotRequests, type DraftProblem, type QuotaDay, type SlotDraft } from '../../lib/quotas';
import { SlotRows } from './SlotRows';

/**
 * One day's quota: change its slots and day cap, or close it with a reason. A capacity below what
 * is booked is refused unless staff choose to re-accommodate those bookings (their citizens are
 * told by SMS).
 */
export function QuotaDayEditor({ day, token, onSaved }: { day: QuotaDay; token: string; onSaved: (day: QuotaDay, message: string) => void }) {
  const { t, lang } = useI18n();
  const [slots, setSlots] = useState<SlotDraft[]>(() => (day.slots.length > 0 ? draftsOf(day) : evenSlots('09:00', '11:30', 30, 8)));
  const [dayCap, setDayCap] = useState(day.dayCap !== undefined && day.dayCap !== null ? String(day.dayCap) : '');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [reaccommodate, setReaccommodate] = useState(false);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setSlots(day.slots.length > 0 ? draftsOf(day) : evenSlots('09:00', '11:30', 30, 8));
    setDayCap(day.dayCap !== undefined && day.dayCap !== null ? String(day.dayCap) : '');
    setReaccommodate(false);
    setError(null);
    setProblems([]);
  }, [day]);

  const put = async (body: unknown, message: string) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api<QuotaDay>(`/api/v1/staff/quotas/${day.service}/${day.date}`, { method: 'PUT', token, body });
      onSaved(saved, message);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    const found = checkDrafts(slots);
    setProblems(found);
    if (found.length > 0 || slots.length === 0) {
      return;
    }
    const cap = dayCap.trim() === '' ? undefined : Number(dayCap);
    void put({ slots: toSlotRequests(slots), dayCap: cap, reaccommodate }, t('quota.saved', { day: describeDay(day.date, lang) }));
  };

  const close = () => {
    if (!reason.trim()) {
      setReasonError(t('quota.reasonRequired'));
      return;
    }
    setReasonError(null);
    void put({ closed: true, reason: reason.trim(), reaccommodate }, t('quota.closedDay', { day: describeDay(day.date, lang) }));
  };

  return (
    <section className="day-editor" aria-labelledby="day-editor-title">
      <h3 id="day-editor-title" tabIndex={-1}>
        {describeDay(day.date, lang, true)}
        {day.hot && <span className="badge hot-badge">{t('calendar.hot')}</span>}
      </h3>
      <p className="muted">
        {day.open ? t('quota.openSummary', { booked: day.booked, factor: Math.round(day.capacityFactor * 100) }) : t('quota.closedSummary', { reason: day.reason ?? t('book.notOpened') })}
        {day.suspended && ` ${t('quota.suspendedByRisk')}`}
      </p>
      <SlotRows idPrefix="day-slot" slots={slots} onChange={setSlots} problems={problems} booked={slots.map((draft) => day.slots.find((slot) => hm(slot.start) === draft.start)?.booked ?? 0)} />
      <Field id="day-cap" label={t('quota.dayCap')} hint={t('quota.dayCapHint')} inputMode="numeric" value={dayCap} onChange={setDayCap} />
      <label className="check">
        <input type="checkbox" checked={reaccommodate} onChange={(e) => setReaccommodate(e.target.checked)} />
        {t('quota.reaccommodate')}
      </label>
      <ErrorMessage error={error} />
      {error?.slug === 'capacity-below-booked' && !reaccommodate && <p className="hint">{t('quota.reaccommodateHint')}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={save} disabled={busy}>{day.open ? t('quota.save') : t('quota.open')}</button>
      </div>
      {day.open && (
        <div className="close-day">
          <Field id="close-reason" label={t('quota.closeReason')} value={reason} onChange={setReason} error={reasonError} maxLength={200} />
          <button type="button" className="danger" onClick={close} disabled={busy}>{t('quota.close')}</button>
        </div>
      )}
      {busy && <StatusMessage>{t('common.saving')}</StatusMessage>}
    </section>
  );
}


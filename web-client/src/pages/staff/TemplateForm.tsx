import { useState, type FormEvent } from 'react';
import { ErrorMessage, StatusMessage } from '../../components/Alerts';
import { Field } from '../../components/Field';
import { api, asApiError, type ApiError } from '../../lib/api';
import { addDays, weekdayNames } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { checkDrafts, evenSlots, toSlotRequests, type DraftProblem, type SlotDraft } from '../../lib/quotas';
import type { ServiceCode } from '../../lib/types';
import { SlotRows } from './SlotRows';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A weekday pattern of slots applied to every day of a range; hot dates in it get the hot template. */
export function TemplateForm({ service, token, today, onApplied }: {
  service: ServiceCode;
  token: string;
  today: string;
  onApplied: () => void;
}) {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 27));
  const [weekdays, setWeekdays] = useState<string[]>(WEEKDAYS.slice(0, 5));
  const [slots, setSlots] = useState<SlotDraft[]>(() => evenSlots('09:00', '11:30', 30, 8));
  const [dayCap, setDayCap] = useState('');
  const [reaccommodate, setReaccommodate] = useState(false);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkDrafts(slots);
    setProblems(found);
    setResult(null);
    if (found.length > 0 || weekdays.length === 0) {
      return;
    }
    const slotRequests = toSlotRequests(slots);
    setBusy(true);
    setError(null);
    try {
      const answer = await api<{ opened: string[]; hot: string[] }>(`/api/v1/staff/quotas/${service}/template`, {
        token,
        body: {
          from, to, pattern: Object.fromEntries(weekdays.map((day) => [day, slotRequests])),
          dayCap: dayCap.trim() === '' ? undefined : Number(dayCap), reaccommodate,
        },
      });
      setResult(t('quota.templateApplied', { opened: answer.opened.length, hot: answer.hot.length }));
      onApplied();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="template-form">
      <div className="two">
        <Field id="template-from" label={t('quota.from')} type="date" value={from} onChange={setFrom} error={error?.fieldMessage('from')} />
        <Field id="template-to" label={t('quota.to')} type="date" value={to} onChange={setTo} error={error?.fieldMessage('to')} />
      </div>
      <fieldset>
        <legend>{t('quota.weekdays')}</legend>
        <div className="weekday-checks">
          {WEEKDAYS.map((day, i) => (
            <label key={day} className="check">
              <input type="checkbox" checked={weekdays.includes(day)}
                onChange={(e) => setWeekdays(e.target.checked ? [...weekdays, day] : weekdays.filter((d) => d !== day))} />
              {weekdayNames(lang)[i]}
            </label>
          ))}
        </div>
        {weekdays.length === 0 && <p className="field-error">{t('quota.weekdaysRequired')}</p>}
      </fieldset>
      <SlotRows idPrefix="template-slot" slots={slots} onChange={setSlots} problems={problems} />
      <Field id="template-cap" label={t('quota.dayCap')} hint={t('quota.dayCapHint')} inputMode="numeric" value={dayCap} onChange={setDayCap} />
      <label className="check">
        <input type="checkbox" checked={reaccommodate} onChange={(e) => setReaccommodate(e.target.checked)} />
        {t('quota.reaccommodate')}
      </label>
      <ErrorMessage error={error && !error.fieldMessage('from') && !error.fieldMessage('to') ? error : null} />
      {result && <StatusMessage tone="ok">{result}</StatusMessage>}
      <button type="submit" className="primary" disabled={busy}>{t('quota.applyTemplate')}</button>
    </form>
  );
}

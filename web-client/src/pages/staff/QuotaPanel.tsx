import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ErrorMessage, Loading, StatusMessage } from '../../components/Alerts';
import { MonthCalendar, type DayCell } from '../../components/MonthCalendar';
import { api, asApiError, type ApiError } from '../../lib/api';
import { describeDay, firstOfMonth, lastOfMonth, monthOf, shiftMonth } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import { latestOnly } from '../../lib/latest';
import { dayLoad, loadBand, type QuotaDay } from '../../lib/quotas';
import { servicesFor } from '../../lib/roles';
import { serverToday } from '../../lib/serverToday';
import type { StaffSession } from '../../lib/session';
import type { ServiceCode } from '../../lib/types';
import { useLive } from '../../lib/useLive';
import { QuotaDayEditor } from './QuotaDayEditor';
import { TemplateForm } from './TemplateForm';

// ECharts is large: it loads when the chart is first shown.
const QuotaChart = lazy(() => import('./QuotaChart').then((m) => ({ default: m.QuotaChart })));

interface HotDate {
  date: string;
  name: string;
  builtin: boolean;
}

/**
 * The quota calendar of the services this account manages: each day's seats booked of offered,
 * hot dates highlighted, a chart of the month; a day's slots edited or the day closed; a weekday
 * template applied to a range. Seat counts follow bookings live.
 */
export function QuotaPanel({ session }: { session: StaffSession }) {
  const { t, lang } = useI18n();
  const services = servicesFor(session.roles);
  const [service, setService] = useState<ServiceCode>(services[0]);
  const [today, setToday] = useState<string | null>(null);
  const [view, setView] = useState<{ year: number; month: number } | null>(null);
  const [days, setDays] = useState<QuotaDay[] | null>(null);
  const [hotDates, setHotDates] = useState<HotDate[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    serverToday().then((day) => {
      setToday(day);
      setView(monthOf(day));
    }, (failure) => setError(asApiError(failure)));
  }, []);

  const latest = useMemo(latestOnly, []);
  const load = useCallback(() => {
    if (!view) {
      return;
    }
    const from = firstOfMonth(view.year, view.month);
    const to = lastOfMonth(view.year, view.month);
    latest(Promise.all([
      api<QuotaDay[]>(`/api/v1/staff/quotas/${service}/days?from=${from}&to=${to}`, { token: session.token }),
      api<HotDate[]>(`/api/v1/staff/quotas/${service}/hot-dates?year=${view.year}`, { token: session.token }),
    ]), ([loaded, hot]) => {
      setDays(loaded);
      setHotDates(hot);
      setError(null);
    }, (failure) => setError(asApiError(failure)));
  }, [service, view, session.token, latest]);
  useEffect(load, [load]);
  useLive(null, { [`/topic/availability.${service}`]: load }, load, view !== null);

  if (!today || !view) {
    return error ? <ErrorMessage error={error} /> : <Loading label={t('common.loading')} />;
  }
  const byDate = new Map((days ?? []).map((day) => [day.date, day]));
  const hotByDate = new Map(hotDates.map((hot) => [hot.date, hot]));
  const cell = (date: string): DayCell => {
    const day = byDate.get(date);
    const band = loadBand(day);
    const hot = hotByDate.get(date) ?? (day?.hot ? { name: t('calendar.hot') } : undefined);
    const load = day ? dayLoad(day) : { booked: 0, capacity: 0 };
    const words = [describeDay(date, lang)];
    words.push(band === 'closed' ? t('quota.closedShort') : t('quota.loadLong', { booked: load.booked, capacity: load.capacity }));
    if (hot) {
      words.push(`${t('calendar.hot')}：${hot.name}`);
    }
    return {
      className: `load-${band}${hot ? ' hot' : ''}${date === today ? ' today' : ''}`,
      label: words.join('，'),
      note: band === 'closed' ? t('calendar.short.closed') : `${load.booked}/${load.capacity}`,
      mark: hot ? t('calendar.hotMark') : undefined,
    };
  };
  const selectedDay = selected ? byDate.get(selected) : undefined;

  return (
    <section aria-labelledby="quota-title">
      <div className="card">
        <div className="toolbar">
          <h2 id="quota-title">{t('quota.title')}</h2>
          {services.length > 1 && (
            <label className="inline">
              {t('quota.service')}{' '}
              <select value={service} onChange={(e) => { setService(e.target.value as ServiceCode); setSelected(null); setDays(null); }}>
                {services.map((code) => <option key={code} value={code}>{t(`service.${code}` as MessageKey)}</option>)}
              </select>
            </label>
          )}
        </div>
        <ErrorMessage error={error} />
        {message && <StatusMessage tone="ok">{message}</StatusMessage>}
        <MonthCalendar
          year={view.year}
          month={view.month}
          selected={selected}
          onSelect={(day) => { setSelected(day); setMessage(null); }}
          onMonthChange={(by) => { setView(shiftMonth(view.year, view.month, by)); setSelected(null); }}
          canPrev
          canNext
          cell={cell}
          caption={t('quota.caption')}
        />
        <ul className="legend" aria-label={t('calendar.legend')}>
          {(['empty', 'low', 'half', 'high', 'full', 'closed'] as const).map((band) => (
            <li key={band}><span className={`chip load-${band}`} aria-hidden="true" />{t(`quota.band.${band}` as MessageKey)}</li>
          ))}
          <li><span className="chip hot-chip" aria-hidden="true">{t('calendar.hotMark')}</span>{t('calendar.hot')}</li>
        </ul>
        {selectedDay && selected && selected >= today && (
          <QuotaDayEditor day={selectedDay} token={session.token} onSaved={(saved, text) => {
            setMessage(text);
            setDays((previous) => previous?.map((d) => (d.date === saved.date ? saved : d)) ?? null);
          }} />
        )}
        {selected && selected < today && <p className="explain">{t('quota.pastDay')}</p>}
      </div>
      {days && (
        <div className="card">
          <h3>{t('quota.chartTitle')}</h3>
          <Suspense fallback={<Loading label={t('common.loading')} />}><QuotaChart days={days} /></Suspense>
        </div>
      )}
      <details className="card">
        <summary>{t('quota.templateTitle')}</summary>
        <TemplateForm service={service} token={session.token} today={today} onApplied={load} />
      </details>
    </section>
  );
}

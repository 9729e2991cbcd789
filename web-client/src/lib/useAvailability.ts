// The days of one service a citizen browses, a month at a time. "Today" is the service's own date
// (the first day an availability query without dates answers with), never the browser's clock.
import { useCallback, useEffect, useState } from 'react';
import { api, asApiError, type ApiError } from './api';
import { applySeatsChanged, type AvailabilityDay, type SeatsChanged } from './calendar';
import { firstOfMonth, lastOfMonth, monthOf } from './dates';
import type { ServiceCode } from './types';

interface Availability {
  service: ServiceCode;
  days: AvailabilityDay[];
}

/** `around`: a day whose month to show first (a booking being moved), when it is not in the past. */
export function useAvailability(service: ServiceCode | null, around?: string) {
  const [today, setToday] = useState<string | null>(null);
  const [view, setView] = useState<{ year: number; month: number } | null>(null);
  const [days, setDays] = useState<AvailabilityDay[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => setDays([]), [service]);

  useEffect(() => {
    if (!service) {
      return undefined;
    }
    let current = true;
    setLoading(true);
    setError(null);
    const load = async () => {
      if (!today || !view) {
        // First the service's own today; setting the view then loads its month.
        const first = await api<Availability>(`/api/v1/availability?service=${service}`);
        const start = first.days[0]?.date;
        if (start && current) {
          setToday(start);
          setView(monthOf(around && around > start ? around : start));
        }
        return;
      }
      const monthStart = firstOfMonth(view.year, view.month);
      const from = monthStart < today ? today : monthStart;
      const to = lastOfMonth(view.year, view.month);
      const answer = to < from ? { service, days: [] } : await api<Availability>(`/api/v1/availability?service=${service}&from=${from}&to=${to}`);
      if (current) {
        setDays(answer.days);
      }
    };
    load()
      .catch((failure) => current && setError(asApiError(failure)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // today is read, not watched: the first load sets it together with the view.
  }, [service, view?.year, view?.month, generation]);

  const apply = useCallback((change: SeatsChanged) => {
    if (change.service === service) {
      setDays((previous) => applySeatsChanged(previous, change));
    }
  }, [service]);

  return {
    today,
    view,
    days,
    error,
    loading,
    setView,
    apply,
    reload: useCallback(() => setGeneration((g) => g + 1), []),
  };
}

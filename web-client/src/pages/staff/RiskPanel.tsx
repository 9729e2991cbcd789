import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ErrorMessage, Loading, StatusMessage } from '../../components/Alerts';
import { api, asApiError, type ApiError } from '../../lib/api';
import { describeInstant } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import { isCommandGroup } from '../../lib/roles';
import type { StaffSession } from '../../lib/session';
import type { DistrictRisk, RiskLevel, Unit } from '../../lib/types';
import { latestOnly } from '../../lib/latest';
import { useLive } from '../../lib/useLive';
import { RiskPreviewTable, type RiskPreview } from './RiskPreviewTable';

interface LevelChange {
  unitId?: number;
  previous: RiskLevel;
  level: RiskLevel;
  reason: string;
  at: string;
  changedBy?: string;
}

interface UnitLevel {
  unitId: number;
  level: RiskLevel;
  since: string;
  reason: string;
}

const LEVELS: RiskLevel[] = ['NORMAL', 'SPORADIC', 'HIGH'];

/**
 * Risk levels: the district's and the units' own, the command group's switch with a preview of
 * what it changes (capacities, companions, bookings to re-accommodate) before it is made, and the
 * history of changes.
 */
export function RiskPanel({ session }: { session: StaffSession }) {
  const { t, lang } = useI18n();
  const admin = isCommandGroup(session.roles);
  const [district, setDistrict] = useState<DistrictRisk | null>(null);
  const [unitLevels, setUnitLevels] = useState<UnitLevel[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [history, setHistory] = useState<LevelChange[]>([]);
  const [target, setTarget] = useState('district');
  const [level, setLevel] = useState<RiskLevel>('SPORADIC');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [preview, setPreview] = useState<RiskPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const latest = useMemo(latestOnly, []);
  const load = useCallback(() => {
    latest(Promise.all([
      api<DistrictRisk>('/api/v1/risk-level'),
      api<UnitLevel[]>('/api/v1/staff/risk-level/units', { token: session.token }),
      api<Unit[]>('/api/v1/units', { token: session.token }),
      api<LevelChange[]>('/api/v1/staff/risk-level/history?limit=30', { token: session.token }),
    ]), ([d, own, all, changes]) => {
      setDistrict(d);
      setUnitLevels(own.filter((u) => u.unitId !== null && u.unitId !== undefined));
      setUnits(all);
      setHistory(changes);
    }, (failure) => setError(asApiError(failure)));
  }, [session.token, latest]);
  useEffect(load, [load]);
  useLive(null, { '/topic/risk-level': load }, load);

  const unitId = target === 'district' ? undefined : Number(target);
  const unitName = (id?: number) => (id === undefined || id === null ? t('risk.district') : units.find((u) => u.id === id)?.name ?? `#${id}`);

  const showPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('risk.reasonRequired'));
      return;
    }
    setReasonError(null);
    setError(null);
    setMessage(null);
    try {
      setPreview(await api<RiskPreview>(`/api/v1/staff/quotas/risk-preview?level=${level}${unitId ? `&unitId=${unitId}` : ''}`, { token: session.token }));
    } catch (failure) {
      setError(asApiError(failure));
    }
  };

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('/api/v1/staff/risk-level', { method: 'PUT', token: session.token, body: { level, unitId, reason: reason.trim() } });
      setMessage(t('risk.switched', { target: unitName(unitId), level: t(`riskLevel.${level}` as MessageKey) }));
      setPreview(null);
      setReason('');
      load();
    } catch (failure) {
      const problem = asApiError(failure);
      if (problem.fieldMessage('reason')) {
        setReasonError(problem.fieldMessage('reason')!);
      } else {
        setError(problem);
      }
    } finally {
      setBusy(false);
    }
  };

  if (!district) {
    return error ? <ErrorMessage error={error} /> : <Loading label={t('common.loading')} />;
  }
  return (
    <section aria-labelledby="risk-panel-title">
      <div className="card">
        <h2 id="risk-panel-title">{t('risk.panelTitle')}</h2>
        <p className={`level-pill level-${district.level.toLowerCase()}`}>
          {t('risk.district')}：<strong>{t(`riskLevel.${district.level}` as MessageKey)}</strong> · {district.reason} · {describeInstant(district.since, lang)}
        </p>
        {unitLevels.length > 0 && (
          <ul className="plain">
            {unitLevels.map((u) => (
              <li key={u.unitId} className={`level-pill level-${u.level.toLowerCase()}`}>
                {unitName(u.unitId)}：<strong>{t(`riskLevel.${u.level}` as MessageKey)}</strong> · {u.reason}
              </li>
            ))}
          </ul>
        )}
        {message && <StatusMessage tone="ok">{message}</StatusMessage>}
      </div>
      {admin && (
        <form className="card" onSubmit={showPreview} noValidate>
          <h3>{t('risk.switchTitle')}</h3>
          <label htmlFor="risk-target">{t('risk.target')}</label>
          <select id="risk-target" value={target} onChange={(e) => { setTarget(e.target.value); setPreview(null); }}>
            <option value="district">{t('risk.district')}</option>
            {units.map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
          </select>
          <fieldset>
            <legend>{t('risk.level')}</legend>
            {LEVELS.map((l) => (
              <label key={l} className="check">
                <input type="radio" name="risk-level" value={l} checked={level === l} onChange={() => { setLevel(l); setPreview(null); }} />
                {t(`riskLevel.${l}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="risk-reason">{t('risk.reason')}</label>
          <textarea id="risk-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500}
            aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? 'risk-reason-error' : undefined} />
          {reasonError && <p id="risk-reason-error" className="field-error">{reasonError}</p>}
          <ErrorMessage error={error} />
          <button type="submit">{t('risk.preview')}</button>
          {preview && (
            <div className="preview" aria-live="polite">
              <RiskPreviewTable preview={preview} />
              <button type="button" className="primary" onClick={apply} disabled={busy}>
                {t('risk.confirm', { target: unitName(unitId), level: t(`riskLevel.${level}` as MessageKey) })}
              </button>
            </div>
          )}
        </form>
      )}
      <div className="card">
        <h3>{t('risk.history')}</h3>
        {history.length === 0 ? <p className="muted">{t('risk.noHistory')}</p> : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('risk.when')}</th>
              <th scope="col">{t('risk.target')}</th>
              <th scope="col">{t('risk.change')}</th>
              <th scope="col">{t('risk.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((change, i) => (
              <tr key={i}>
                <td>{describeInstant(change.at, lang)}</td>
                <td>{unitName(change.unitId)}</td>
                <td>{t(`riskLevel.${change.previous}` as MessageKey)} → {t(`riskLevel.${change.level}` as MessageKey)}</td>
                <td>{change.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </div>
    </section>
  );
}

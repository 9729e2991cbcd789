import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/Alerts';
import { Field } from '../../components/Field';
import { api, asApiError, type ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Markdown } from '../../lib/markdown';
import type { MessageKey } from '../../lib/messages';
import type { Notice, Severity, Unit, UnitType } from '../../lib/types';

const TYPES: UnitType[] = ['BUREAU_SECTION', 'SECONDARY_UNIT', 'ELDERLY_CARE_HOME', 'FUNERAL_HOME', 'MARRIAGE_REGISTRY'];

/** The command group writes a notice: Markdown with a preview, audience, severity, acknowledgement deadline. */
export function NoticeComposer({ token, units, onIssued }: { token: string; units: Unit[]; onIssued: (notice: Notice) => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [severity, setSeverity] = useState<Severity>('WARNING');
  const [audience, setAudience] = useState<'all' | 'types' | 'units'>('all');
  const [types, setTypes] = useState<UnitType[]>([]);
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [requiresAck, setRequiresAck] = useState(true);
  const [deadline, setDeadline] = useState('60');
  const [isPublic, setPublic] = useState(false);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const check = () => {
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('notice.titleRequired');
    if (!body.trim()) found.body = t('notice.bodyRequired');
    if (audience === 'types' && types.length === 0) found.audience = t('notice.audienceRequired');
    if (audience === 'units' && unitIds.length === 0) found.audience = t('notice.audienceRequired');
    if (requiresAck && !(/^\d+$/.test(deadline) && Number(deadline) >= 1 && Number(deadline) <= 10080)) found.ackDeadlineMinutes = t('notice.deadlineInvalid');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(`notice-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const notice = await api<Notice>('/api/v1/staff/notices', {
        token,
        body: {
          title: title.trim(), body, severity, requiresAck, public: isPublic,
          ackDeadlineMinutes: requiresAck ? Number(deadline) : undefined,
          audience: audience === 'all' ? { all: true } : audience === 'types' ? { unitTypes: types } : { unitIds },
        },
      });
      setTitle('');
      setBody('');
      setTab('write');
      onIssued(notice);
    } catch (failure) {
      const problem = asApiError(failure);
      const server: Record<string, string> = {};
      ['title', 'body', 'audience', 'ackDeadlineMinutes', 'severity'].forEach((field) => {
        const message = problem.fieldMessage(field) ?? problem.fields.filter((f) => f.startsWith(`${field}.`)).map((f) => problem.fieldMessage(f))[0];
        if (message) server[field] = message;
      });
      setErrors(server);
      setError(Object.keys(server).length > 0 ? null : problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card composer" onSubmit={submit} noValidate>
      <h3>{t('notice.compose')}</h3>
      <Field id="notice-title" label={t('notice.title')} value={title} onChange={setTitle} error={errors.title} maxLength={200} required />
      <div className="field">
        <div className="tabs small" role="tablist" aria-label={t('notice.body')}>
          <button type="button" role="tab" aria-selected={tab === 'write'} onClick={() => setTab('write')}>{t('notice.write')}</button>
          <button type="button" role="tab" aria-selected={tab === 'preview'} onClick={() => setTab('preview')}>{t('notice.preview')}</button>
        </div>
        {tab === 'write' ? (
          <>
            <label htmlFor="notice-body">{t('notice.body')}</label>
            <p className="hint" id="notice-body-hint">{t('notice.markdownHint')}</p>
            <textarea id="notice-body" rows={8} value={body} onChange={(e) => setBody(e.target.value)} maxLength={20000}
              aria-invalid={errors.body ? true : undefined} aria-describedby={errors.body ? 'notice-body-hint notice-body-error' : 'notice-body-hint'} />
          </>
        ) : (
          <div className="markdown-preview" role="tabpanel" aria-label={t('notice.preview')}>
            {body.trim() ? <Markdown source={body} /> : <p className="muted">{t('notice.previewEmpty')}</p>}
          </div>
        )}
        {errors.body && <p id="notice-body-error" className="field-error">{errors.body}</p>}
      </div>
      <label htmlFor="notice-severity">{t('notice.severity')}</label>
      <select id="notice-severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
        {(['INFO', 'WARNING', 'URGENT'] as Severity[]).map((s) => <option key={s} value={s}>{t(`severity.${s}` as MessageKey)}</option>)}
      </select>
      <fieldset id="notice-audience" tabIndex={-1} aria-describedby={errors.audience ? 'notice-audience-error' : undefined}>
        <legend>{t('notice.audience')}</legend>
        {(['all', 'types', 'units'] as const).map((a) => (
          <label key={a} className="check">
            <input type="radio" name="audience" checked={audience === a} onChange={() => setAudience(a)} />
            {t(`notice.audience.${a}` as MessageKey)}
          </label>
        ))}
        {audience === 'types' && (
          <div className="indent">
            {TYPES.map((type) => (
              <label key={type} className="check">
                <input type="checkbox" checked={types.includes(type)}
                  onChange={(e) => setTypes(e.target.checked ? [...types, type] : types.filter((x) => x !== type))} />
                {t(`unitType.${type}` as MessageKey)}
              </label>
            ))}
          </div>
        )}
        {audience === 'units' && (
          <div className="indent unit-checks">
            {units.map((unit) => (
              <label key={unit.id} className="check">
                <input type="checkbox" checked={unitIds.includes(unit.id)}
                  onChange={(e) => setUnitIds(e.target.checked ? [...unitIds, unit.id] : unitIds.filter((x) => x !== unit.id))} />
                {unit.name}
              </label>
            ))}
          </div>
        )}
        {errors.audience && <p id="notice-audience-error" className="field-error">{errors.audience}</p>}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={requiresAck} onChange={(e) => setRequiresAck(e.target.checked)} />
        {t('notice.requiresAck')}
      </label>
      {requiresAck && (
        <Field id="notice-ackDeadlineMinutes" label={t('notice.deadline')} inputMode="numeric" value={deadline} onChange={setDeadline}
          error={errors.ackDeadlineMinutes} />
      )}
      <label className="check">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
        {t('notice.public')}
      </label>
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>{t('notice.issue')}</button>
    </form>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorMessage, Loading, StatusMessage } from '../../components/Alerts';
import { LiveBadge } from '../../components/LiveBadge';
import { api, asApiError, type ApiError } from '../../lib/api';
import { describeInstant } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import { isCommandGroup } from '../../lib/roles';
import type { StaffSession } from '../../lib/session';
import type { AckProgress, NoticeSummary, Unit } from '../../lib/types';
import { useLive } from '../../lib/useLive';
import { AckBoard } from './AckBoard';
import { NoticeComposer } from './NoticeComposer';

/**
 * Notices: the command group composes and issues them; staff watch acknowledgements arrive live on
 * /topic/acknowledgements, unit by unit, with overdue units highlighted.
 */
export function NoticesPanel({ session }: { session: StaffSession }) {
  const { t, lang } = useI18n();
  const admin = isCommandGroup(session.roles);
  const [notices, setNotices] = useState<NoticeSummary[] | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [watching, setWatching] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const board = useRef<HTMLDivElement>(null);
  const known = useRef(new Set<number>());
  known.current = new Set((notices ?? []).map((s) => s.notice.id));

  const load = useCallback(() => {
    api<NoticeSummary[]>('/api/v1/staff/notices?limit=30', { token: session.token })
      .then((list) => { setNotices(list); setError(null); }, (failure) => setError(asApiError(failure)));
  }, [session.token]);
  useEffect(load, [load]);
  useEffect(() => {
    api<Unit[]>('/api/v1/units', { token: session.token }).then(setUnits, () => {});
  }, [session.token]);

  const live = useLive(session.token, {
    '/topic/acknowledgements': (body) => {
      const step = body as AckProgress;
      if (!known.current.has(step.noticeId)) {
        load();
      }
      setNotices((list) => list?.map((s) => (s.notice.id === step.noticeId
        ? { ...s, total: step.total, acknowledged: step.acknowledged, pending: step.pending, overdue: s.overdue || step.event === 'ESCALATED' }
        : s)) ?? list);
      setVersion((v) => v + 1);
    },
  }, () => {
    load();
    setVersion((v) => v + 1);
  });

  const watched = notices?.find((s) => s.notice.id === watching);
  useEffect(() => {
    if (watching !== null) {
      board.current?.querySelector<HTMLElement>('h3')?.focus();
    }
  }, [watching]);

  return (
    <section aria-labelledby="notices-title">
      <div className="toolbar">
        <h2 id="notices-title">{t('notice.panelTitle')}</h2>
        <LiveBadge status={live.status} />
      </div>
      {message && <StatusMessage tone="ok">{message}</StatusMessage>}
      <div ref={board}>
        {watched && <AckBoard summary={watched} token={session.token} version={version} />}
      </div>
      {admin && (
        <NoticeComposer token={session.token} units={units} onIssued={(notice) => {
          setMessage(t('notice.issued', { title: notice.title }));
          setNotices((list) => [{ notice, total: 0, acknowledged: 0, pending: 0, overdue: false }, ...(list ?? [])]);
          setWatching(notice.id);
          load();
        }} />
      )}
      <div className="card">
        <h3>{t('notice.recent')}</h3>
        <ErrorMessage error={error} />
        {!notices && !error && <Loading label={t('common.loading')} />}
        <ul className="plain notice-list">
          {notices?.map((s) => (
            <li key={s.notice.id} className={`${s.overdue ? 'overdue' : ''}${s.notice.id === watching ? ' watching' : ''}`}>
              <button type="button" className="link-like" onClick={() => setWatching(s.notice.id)} aria-pressed={s.notice.id === watching}>
                <span className={`badge severity-${s.notice.severity.toLowerCase()}`}>{t(`severity.${s.notice.severity}` as MessageKey)}</span>{' '}
                <strong>{s.notice.title}</strong>
              </button>
              <span className="muted">
                {describeInstant(s.notice.issuedAt, lang)} ·{' '}
                {s.notice.requiresAck ? t('notice.ackCount', { acknowledged: s.acknowledged, total: s.total }) : t('notice.noAck')}
                {s.overdue && <strong className="warn"> · {t('notice.overdue')}</strong>}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

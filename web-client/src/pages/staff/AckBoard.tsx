import { useEffect, useState } from 'react';
import { ErrorMessage, Loading } from '../../components/Alerts';
import { api, asApiError, type ApiError } from '../../lib/api';
import { describeInstant } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import type { AckReport, NoticeSummary } from '../../lib/types';

/**
 * Who has acknowledged a notice, unit by unit, updated live as acknowledgements arrive (the panel
 * passes each progress step; the report is then read again). Overdue units stand out.
 */
export function AckBoard({ summary, token, version }: { summary: NoticeSummary; token: string; version: number }) {
  const { t, lang } = useI18n();
  const [report, setReport] = useState<AckReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const notice = summary.notice;

  useEffect(() => {
    let current = true;
    api<AckReport>(`/api/v1/staff/notices/${notice.id}/acknowledgements`, { token })
      .then((r) => current && setReport(r), (failure) => current && setError(asApiError(failure)));
    return () => {
      current = false;
    };
  }, [notice.id, token, version]);

  return (
    <section className="card ack-board" aria-labelledby={`ack-${notice.id}`}>
      <h3 id={`ack-${notice.id}`}>
        <span className={`badge severity-${notice.severity.toLowerCase()}`}>{t(`severity.${notice.severity}` as MessageKey)}</span> {notice.title}
      </h3>
      <p className="muted">
        {t('notice.issuedAt', { at: describeInstant(notice.issuedAt, lang) })}
        {notice.ackDeadlineAt && ` · ${t('notice.deadlineAt', { at: describeInstant(notice.ackDeadlineAt, lang) })}`}
      </p>
      <ErrorMessage error={error} />
      {!report && !error && <Loading label={t('common.loading')} />}
      {report && (
        <>
          <p className="ack-count" role="status" aria-live="polite" data-acknowledged={report.acknowledged} data-total={report.total}>
            {t('notice.ackCount', { acknowledged: report.acknowledged, total: report.total })}
            {report.overdue > 0 && <strong className="warn"> · {t('notice.overdueCount', { count: report.overdue })}</strong>}
          </p>
          <progress max={Math.max(report.total, 1)} value={report.acknowledged} aria-label={t('notice.ackProgress')} />
          <ul className="plain unit-acks">
            {report.units.map((unit) => (
              <li key={unit.unitId} className={`unit-ack${unit.acknowledgedAt ? ' acked' : ''}${unit.overdue ? ' overdue' : ''}`} data-unit={unit.unitId}>
                <strong>{unit.name}</strong>
                <span>
                  {unit.acknowledgedAt
                    ? t('notice.ackedBy', { at: describeInstant(unit.acknowledgedAt, lang), by: unit.acknowledgedBy ?? '', via: unit.via ? t(`via.${unit.via}` as MessageKey) : '' })
                    : unit.overdue
                      ? t('notice.overdue')
                      : unit.deliveredAt
                        ? t('notice.delivered', { at: describeInstant(unit.deliveredAt, lang), via: unit.deliveredVia ? t(`via.${unit.deliveredVia}` as MessageKey) : '' })
                        : t('notice.waiting')}
                </span>
                {unit.escalatedAt && <span className="warn">{t('notice.escalated', { at: describeInstant(unit.escalatedAt, lang) })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

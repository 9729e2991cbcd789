import { describeInstant } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { Markdown } from '../../lib/markdown';
import type { MessageKey } from '../../lib/messages';
import type { ForUnitNotice } from '../../lib/types';

/** One notice on a unit's board, acknowledged with one click. */
export function NoticeItem({ item, unread, busy, error, onAcknowledge, onRead }: {
  item: ForUnitNotice;
  unread: boolean;
  busy: boolean;
  error?: string;
  onAcknowledge: () => void;
  onRead: () => void;
}) {
  const { t, lang } = useI18n();
  const notice = item.notice;
  return (
    <article className={`card notice severity-${notice.severity.toLowerCase()}${unread ? ' unread' : ''}${item.overdue ? ' overdue' : ''}`}
      aria-labelledby={`notice-${notice.id}`} data-notice={notice.id}>
      <h3 id={`notice-${notice.id}`}>
        <span className={`badge severity-${notice.severity.toLowerCase()}`}>{t(`severity.${notice.severity}` as MessageKey)}</span>{' '}
        {unread && <span className="badge unread-badge">{t('unit.new')}</span>} {notice.title}
      </h3>
      <p className="muted">
        {t('notice.issuedAt', { at: describeInstant(notice.issuedAt, lang) })}
        {notice.ackDeadlineAt && ` · ${t('notice.deadlineAt', { at: describeInstant(notice.ackDeadlineAt, lang) })}`}
      </p>
      <Markdown source={notice.body} />
      {notice.guideline && (
        <div className="notice-guideline">
          <h4>{notice.guideline.title}</h4>
          <ol>{notice.guideline.procedures.map((step, i) => <li key={i}>{step}</li>)}</ol>
        </div>
      )}
      {notice.requiresAck ? (
        item.acknowledgedAt ? (
          <p className="ok">{t('unit.acknowledged', { at: describeInstant(item.acknowledgedAt, lang), by: item.acknowledgedBy ?? '' })}</p>
        ) : (
          <>
            {item.overdue && <p className="warn">{t('notice.overdue')}</p>}
            <button type="button" className="primary" disabled={busy} onClick={onAcknowledge}>
              {t('unit.acknowledge')}
            </button>
          </>
        )
      ) : (
        unread && <button type="button" onClick={onRead}>{t('unit.markRead')}</button>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </article>
  );
}

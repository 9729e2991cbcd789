import { useI18n } from '../lib/i18n';
import type { LiveStatus } from '../lib/live';

/** Whether the page is receiving live updates, in words as well as colour. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  const label = status === 'live' ? t('live.on') : status === 'connecting' ? t('live.connecting') : t('live.off');
  return (
    <span className={`live-badge ${status}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {label}
    </span>
  );
}

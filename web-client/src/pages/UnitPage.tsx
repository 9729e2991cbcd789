import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorMessage, Loading, StatusMessage } from '../components/Alerts';
import { LiveBadge } from '../components/LiveBadge';
import { api, asApiError, type ApiError } from '../lib/api';
import { chime, unlockSound } from '../lib/beep';
import { useI18n } from '../lib/i18n';
import { serverToday } from '../lib/serverToday';
import { sessions, type StaffSession } from '../lib/session';
import type { ForUnitNotice, NoticeMessage } from '../lib/types';
import { useLive } from '../lib/useLive';
import { StaffLogin } from './StaffPage';
import { GuidelineCard, type UnitBoard } from './unit/Guideline';
import { NoticeItem } from './unit/NoticeItem';

/**
 * A unit's board: notices arrive live (STOMP) with a chime and an unread count, are acknowledged
 * with one click, and those missed while offline come back when the connection does (last-seq on
 * /topic/notices, the waiting ones on /user/queue/notices); beside them the level the unit works
 * at and its guideline's checklist.
 */
export function UnitPage() {
  const { t } = useI18n();
  const [session, setSession] = useState<StaffSession | null>(() => sessions.staff());
  const signOut = useCallback(() => {
    sessions.clearStaff();
    setSession(null);
  }, []);
  if (!session) {
    return <StaffLogin title={t('unit.login')} onSignedIn={setSession} />;
  }
  if (session.unitId === undefined || session.unitId === null) {
    return (
      <section className="card narrow">
        <h1>{session.displayName}</h1>
        <p>{t('unit.notMember')}</p>
        <button type="button" onClick={signOut}>{t('common.signOut')}</button>
      </section>
    );
  }
  return <Board session={session} onSignOut={signOut} />;
}

function readKey(unitId: number) {
  return `civicdesk.read.${unitId}`;
}

function Board({ session, onSignOut }: { session: StaffSession; onSignOut: () => void }) {
  const { t } = useI18n();
  const [board, setBoard] = useState<UnitBoard | null>(null);
  const [items, setItems] = useState<ForUnitNotice[] | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [read, setRead] = useState<number[]>(() => JSON.parse(localStorage.getItem(readKey(session.unitId!)) ?? '[]') as number[]);
  const [error, setError] = useState<ApiError | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [itemErrors, setItemErrors] = useState<Record<number, string>>({});
  const [sound, setSound] = useState(false);
  const seen = useRef(new Set<number>());

  const loadBoard = useCallback(() => {
    api<UnitBoard>('/api/v1/units/me/board', { token: session.token }).then(setBoard, (failure) => setError(asApiError(failure)));
  }, [session.token]);
  useEffect(() => {
    loadBoard();
    serverToday().then(setToday, () => {});
    api<ForUnitNotice[]>('/api/v1/units/me/notices?limit=50', { token: session.token }).then((list) => {
      list.forEach((item) => seen.current.add(item.notice.id));
      setItems((current) => mergeNotices(list, current ?? []));
    }, (failure) => {
      const problem = asApiError(failure);
      if (problem.status === 401) {
        onSignOut();
      }
      setError(problem);
    });
  }, [loadBoard, session.token, onSignOut]);

  useEffect(() => {
    const unlock = () => {
      unlockSound();
      setSound(true);
    };
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, []);

  const arrived = (body: unknown) => {
    const notice = body as NoticeMessage;
    if (!notice || typeof notice.id !== 'number') {
      return;
    }
    if (notice.kind === 'RISK_LEVEL') {
      loadBoard();
    }
    if (seen.current.has(notice.id)) {
      return;
    }
    seen.current.add(notice.id);
    setItems((current) => mergeNotices([{ notice, overdue: false }], current ?? []));
    chime(notice.severity === 'URGENT');
    setAnnounce(t('unit.arrived', { title: notice.title }));
  };
  const live = useLive(session.token, {
    '/topic/notices': arrived,
    '/user/queue/notices': arrived,
    '/topic/risk-level': loadBoard,
  }, loadBoard);

  const unread = (items ?? []).filter((item) => (item.notice.requiresAck ? !item.acknowledgedAt : !read.includes(item.notice.id)));
  useEffect(() => {
    const base = t('app.name');
    document.title = unread.length > 0 ? `(${unread.length}) ${base}` : base;
    return () => {
      document.title = base;
    };
  }, [unread.length, t]);

  const markRead = (id: number) => {
    const next = [...read, id];
    setRead(next);
    localStorage.setItem(readKey(session.unitId!), JSON.stringify(next.slice(-200)));
  };

  const acknowledge = async (item: ForUnitNotice) => {
    setBusy(item.notice.id);
    setItemErrors({ ...itemErrors, [item.notice.id]: '' });
    try {
      const ack = await api<{ acknowledgedAt: string; acknowledgedBy: string; via: string }>(
        `/api/v1/units/me/notices/${item.notice.id}/acknowledgement`, { token: session.token, method: 'POST' });
      setItems((current) => (current ?? []).map((i) => (i.notice.id === item.notice.id
        ? { ...i, acknowledgedAt: ack.acknowledgedAt, acknowledgedBy: ack.acknowledgedBy, via: ack.via, overdue: false } : i)));
      setAnnounce(t('unit.ackDone', { title: item.notice.title }));
    } catch (failure) {
      setItemErrors({ ...itemErrors, [item.notice.id]: asApiError(failure).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="unit-board">
      <div className="toolbar">
        <h1>
          {board?.unitName ?? session.displayName}{' '}
          <span className="count-badge" aria-label={t('unit.unreadLabel', { count: unread.length })} data-unread={unread.length}>
            {unread.length}
          </span>
        </h1>
        <LiveBadge status={live.status} />
        <button type="button" onClick={() => { unlockSound(); setSound(true); chime(false); }} aria-pressed={sound}>
          {sound ? t('unit.soundOn') : t('unit.soundOff')}
        </button>
        <button type="button" onClick={onSignOut}>{t('common.signOut')}</button>
      </div>
      {announce && <StatusMessage>{announce}</StatusMessage>}
      <ErrorMessage error={error} />
      <div className="board-grid">
        <div>
          <h2 className="sr-only">{t('unit.notices')}</h2>
          {!items && !error && <Loading label={t('common.loading')} />}
          {items && items.length === 0 && <p className="card">{t('unit.noNotices')}</p>}
          {items?.map((item) => (
            <NoticeItem
              key={item.notice.id}
              item={item}
              unread={unread.includes(item)}
              busy={busy === item.notice.id}
              error={itemErrors[item.notice.id]}
              onAcknowledge={() => acknowledge(item)}
              onRead={() => markRead(item.notice.id)}
            />
          ))}
        </div>
        {board && <GuidelineCard board={board} today={today ?? ''} />}
      </div>
    </section>
  );
}

/** Newest first, one entry per notice; what the server says about a notice wins. */
function mergeNotices(incoming: ForUnitNotice[], current: ForUnitNotice[]): ForUnitNotice[] {
  const byId = new Map<number, ForUnitNotice>();
  [...current, ...incoming].forEach((item) => {
    const existing = byId.get(item.notice.id);
    byId.set(item.notice.id, existing && existing.acknowledgedAt && !item.acknowledgedAt ? existing : item);
  });
  return [...byId.values()].sort((a, b) => b.notice.issuedAt.localeCompare(a.notice.issuedAt) || b.notice.id - a.notice.id);
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/Alerts';
import { api, asApiError, type ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { toE164 } from '../../lib/phone';
import { simulatedOpenId } from './simulatedPhone';

interface Bubble {
  mine: boolean;
  text: string;
}

/**
 * A chat with the service by SMS or WeChat, through the simulator back end, which sends the real
 * webhooks correctly signed requests (Twilio's signature, WeChat's token signature).
 */
export function ChatWindow({ phone }: { phone: string }) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<'sms' | 'wechat'>('sms');
  const [threads, setThreads] = useState<Record<'sms' | 'wechat', Bubble[]>>({ sms: [], wechat: [] });
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const thread = threads[channel];

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [thread]);

  const add = (on: 'sms' | 'wechat', bubble: Bubble) => setThreads((current) => ({ ...current, [on]: [...current[on], bubble] }));

  const send = async (message: string | null) => {
    const on = channel;
    setBusy(true);
    setError(null);
    if (message !== null) {
      add(on, { mine: true, text: message });
    }
    try {
      const answer = on === 'sms'
        ? await api<{ reply: string }>('/api/v1/simulator/sms', { body: { from: toE164(phone), text: message } })
        : await api<{ reply: string }>('/api/v1/simulator/wechat', {
          body: message === null ? { openId: simulatedOpenId(), subscribe: true } : { openId: simulatedOpenId(), text: message },
        });
      add(on, { mine: false, text: answer.reply || t('sim.noReply') });
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      return;
    }
    const message = text.trim();
    setText('');
    void send(message);
  };

  return (
    <section className="card chat-sim" aria-labelledby="chat-title">
      <h2 id="chat-title">{t('sim.chatTitle')}</h2>
      <div className="tabs small" role="tablist" aria-label={t('sim.channel')}>
        {(['sms', 'wechat'] as const).map((c) => (
          <button key={c} type="button" role="tab" aria-selected={channel === c} onClick={() => setChannel(c)}>
            {t(c === 'sms' ? 'sim.sms' : 'sim.wechat')}
          </button>
        ))}
      </div>
      <ol className="chat" ref={list} aria-live="polite" aria-label={t('sim.conversation')}>
        {thread.length === 0 && <li className="muted">{t(channel === 'sms' ? 'sim.smsHint' : 'sim.wechatHint')}</li>}
        {thread.map((bubble, i) => (
          <li key={i} className={bubble.mine ? 'mine' : 'theirs'}>
            <span className="sr-only">{bubble.mine ? t('sim.you') : t('sim.service')}：</span>
            {bubble.text}
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="row">
        <label htmlFor="chat-text" className="sr-only">{t('sim.message')}</label>
        <input id="chat-text" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('sim.messagePlaceholder')} autoComplete="off" />
        <button type="submit" className="primary" disabled={busy || !text.trim()}>{t('sim.send')}</button>
      </form>
      {channel === 'wechat' && (
        <button type="button" onClick={() => send(null)} disabled={busy}>{t('sim.follow')}</button>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

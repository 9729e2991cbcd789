import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { describeInstant } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { toE164 } from '../../lib/phone';

interface Received {
  id: number;
  body: string;
  purpose: string;
  at: string;
}

/** The text messages the simulated phone has "received" (recorded as simulated: no SMS leaves the machine). */
export function Inbox({ phone }: { phone: string }) {
  const { t, lang } = useI18n();
  const [messages, setMessages] = useState<Received[]>([]);
  useEffect(() => {
    let current = true;
    const load = () => api<Received[]>(`/api/v1/simulator/sms?phone=${encodeURIComponent(toE164(phone))}`)
      .then((list) => current && setMessages(list), () => {});
    void load();
    const timer = window.setInterval(load, 3000);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [phone]);
  return (
    <section className="card inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t('sim.inbox')}</h2>
      {messages.length === 0 && <p className="muted">{t('sim.inboxEmpty')}</p>}
      <ul className="plain" aria-live="polite">
        {messages.map((m) => (
          <li key={m.id} className="sms-item">
            <span className="muted">{describeInstant(m.at, lang)}</span>
            <p>{m.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import { Field } from '../components/Field';
import { useI18n } from '../lib/i18n';
import { isMobile } from '../lib/phone';
import { ChatWindow } from './simulator/ChatWindow';
import { Inbox } from './simulator/Inbox';
import { Keypad } from './simulator/Keypad';
import { rememberPhone, simulatedPhone } from './simulator/simulatedPhone';

/**
 * The channel simulator (embedded default only): try booking by phone, SMS and WeChat without a
 * Twilio or WeChat account. The phone number below is the simulated phone's own.
 */
export function SimulatorPage() {
  const { t } = useI18n();
  const [phone, setPhone] = useState(simulatedPhone);
  const [draft, setDraft] = useState(phone);
  const valid = isMobile(draft);
  return (
    <section>
      <h1>{t('sim.title')}</h1>
      <p>{t('sim.intro')}</p>
      <div className="card">
        <Field id="sim-phone" label={t('sim.phone')} hint={t('sim.phoneHint')} type="tel" inputMode="tel" value={draft}
          onChange={(value) => {
            setDraft(value);
            if (isMobile(value)) {
              setPhone(value);
              rememberPhone(value);
            }
          }}
          error={valid ? null : t('verify.phoneInvalid')} />
      </div>
      <div className="sim-grid">
        <Keypad key={phone} phone={phone} />
        <ChatWindow key={`chat-${phone}`} phone={phone} />
        <Inbox phone={phone} />
      </div>
    </section>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, asApiError, type ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { isMobile, maskPhone, toE164 } from '../lib/phone';
import { sessions, type CitizenSession } from '../lib/session';
import { ErrorMessage, StatusMessage } from './Alerts';
import { Field, leavingForButton } from './Field';

interface CodeSent {
  phone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

/**
 * A citizen proves their phone: the service texts a 6-digit code, the citizen types it, and the
 * token that comes back is kept for this browser session. Errors sit next to the field concerned.
 */
export function PhoneVerification({ initialPhone, submitLabel, onVerified }: {
  initialPhone?: string;
  submitLabel?: string;
  onVerified: (session: CitizenSession) => void;
}) {
  const { t } = useI18n();
  const [phone, setPhone] = useState(initialPhone ?? '');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [wait, setWait] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (wait <= 0) {
      return undefined;
    }
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    setError(null);
    if (!isMobile(phone)) {
      setPhoneError(t('verify.phoneInvalid'));
      return;
    }
    setPhoneError(null);
    setBusy(true);
    try {
      const answer = await api<CodeSent>('/api/v1/citizens/verification', { body: { phone: toE164(phone) } });
      setSent(answer);
      setWait(answer.resendAfterSeconds);
      setTimeout(() => codeInput.current?.focus(), 0);
    } catch (failure) {
      const problem = asApiError(failure);
      const retry = problem.problem.retryAfterSeconds;
      if (typeof retry === 'number') {
        setWait(retry);
      }
      if (problem.fieldMessage('phone')) {
        setPhoneError(problem.fieldMessage('phone')!);
      } else {
        setError(problem);
      }
    } finally {
      setBusy(false);
    }
  };

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    if (!sent) {
      await send();
      return;
    }
    setError(null);
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError(t('verify.codeFormat'));
      return;
    }
    setCodeError(null);
    setBusy(true);
    try {
      const e164 = toE164(phone);
      const answer = await api<{ token: string; expiresAt: string }>('/api/v1/citizens/token', {
        body: { phone: e164, code: code.trim() },
      });
      const session: CitizenSession = { token: answer.token, phone: e164, expiresAt: answer.expiresAt };
      sessions.saveCitizen(session);
      onVerified(session);
    } catch (failure) {
      const problem = asApiError(failure);
      if (['invalid-code', 'code-expired', 'too-many-attempts'].includes(problem.slug) || problem.fieldMessage('code')) {
        setCodeError(problem.fieldMessage('code') ?? problem.message);
        codeInput.current?.focus();
      } else {
        setError(problem);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={verify} noValidate className="verify">
      <Field
        id="verify-phone"
        label={t('verify.phone')}
        hint={t('verify.phoneHint')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={phone}
        onChange={(value) => {
          setPhone(value);
          setSent(null);
        }}
        onBlur={(event) => {
          if (!leavingForButton(event)) {
            setPhoneError(phone && !isMobile(phone) ? t('verify.phoneInvalid') : null);
          }
        }}
        error={phoneError}
        required
      />
      <button type="button" onClick={send} disabled={busy || wait > 0}>
        {wait > 0 ? t('verify.resendIn', { seconds: wait }) : sent ? t('verify.resend') : t('verify.send')}
      </button>
      {sent && <StatusMessage tone="ok">{t('verify.sent', { phone: maskPhone(phone), minutes: Math.round(sent.expiresInSeconds / 60) })}</StatusMessage>}
      {sent && (
        <Field
          id="verify-code"
          ref={codeInput}
          label={t('verify.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={setCode}
          error={codeError}
          required
        />
      )}
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy || !sent}>
        {submitLabel ?? t('verify.submit')}
      </button>
    </form>
  );
}

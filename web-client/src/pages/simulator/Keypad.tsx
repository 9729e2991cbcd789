import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/Alerts';
import { api, asApiError, type ApiError } from '../../lib/api';
import { parseGather, pressKey, type Gather } from '../../lib/gather';
import { useI18n } from '../../lib/i18n';
import { toE164 } from '../../lib/phone';

interface VoiceStep {
  say: string;
  ended: boolean;
  dial: boolean;
  speech: boolean;
  twiml: string;
}

interface Line {
  who: 'service' | 'caller';
  text: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/**
 * A phone calling the service's voice line through the simulator back end (which signs each
 * request as Twilio would): what the line says is shown and, when the browser can, read aloud;
 * keys are collected as the TwiML <Gather> asks; words go in a text box for the "say a name" steps.
 */
export function Keypad({ phone }: { phone: string }) {
  const { t } = useI18n();
  const [callSid, setCallSid] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [gather, setGather] = useState<Gather | null>(null);
  const [buffer, setBuffer] = useState('');
  const [speech, setSpeech] = useState('');
  const [ended, setEnded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const canSpeak = typeof window !== 'undefined' && 'speechSynthesis' in window;
  const [aloud, setAloud] = useState(canSpeak);
  const log = useRef<HTMLOListElement>(null);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [lines]);
  useEffect(() => () => {
    if (canSpeak) window.speechSynthesis.cancel();
  }, [canSpeak]);

  const speak = (text: string) => {
    if (!aloud || !canSpeak || !text) {
      return;
    }
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    window.speechSynthesis.speak(utterance);
  };

  const step = async (sid: string, input: { digits?: string; speech?: string }, said?: string) => {
    setBusy(true);
    setError(null);
    if (said !== undefined) {
      setLines((current) => [...current, { who: 'caller', text: said }]);
    }
    try {
      const answer = await api<VoiceStep>('/api/v1/simulator/voice', { body: { callSid: sid, from: toE164(phone), ...input } });
      setLines((current) => [...current, { who: 'service', text: answer.say || (answer.dial ? t('sim.dialling') : '') }]);
      setGather(answer.ended ? null : parseGather(answer.twiml));
      setEnded(answer.ended || answer.dial);
      speak(answer.say);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  const call = () => {
    const sid = `CAsim${Date.now()}${Math.floor(Math.random() * 1000)}`;
    setCallSid(sid);
    setLines([]);
    setBuffer('');
    setEnded(false);
    void step(sid, {});
  };

  const press = (key: string) => {
    if (!callSid || ended || busy) {
      return;
    }
    const next = pressKey(buffer, key, gather);
    setBuffer(next.buffer);
    if (next.submit !== undefined) {
      void step(callSid, { digits: next.submit }, t('sim.pressed', { keys: next.submit || key }));
    }
  };

  const say = (event: FormEvent) => {
    event.preventDefault();
    if (!callSid || !speech.trim()) {
      return;
    }
    const words = speech.trim();
    setSpeech('');
    void step(callSid, { speech: words }, t('sim.said', { words }));
  };

  const hangUp = () => {
    setCallSid(null);
    setGather(null);
    setBuffer('');
    setEnded(false);
    if (canSpeak) window.speechSynthesis.cancel();
  };

  const inCall = callSid !== null && !ended;
  return (
    <section className="card phone-sim" aria-labelledby="keypad-title">
      <h2 id="keypad-title">{t('sim.phoneTitle')}</h2>
      <ol className="call-log" ref={log} aria-live="polite" aria-label={t('sim.callLog')}>
        {lines.map((line, i) => (
          <li key={i} className={line.who}>{line.text}</li>
        ))}
      </ol>
      {ended && <p className="muted" role="status">{t('sim.ended')}</p>}
      <p className="typed" aria-live="polite">
        {inCall && gather && (
          <>{t('sim.typed')}<span className="mono">{buffer || '—'}</span>{gather.finishOnKey && buffer ? ` ${t('sim.finishWith', { key: gather.finishOnKey })}` : ''}</>
        )}
      </p>
      <div className="keypad" role="group" aria-label={t('sim.keypad')}>
        {KEYS.map((key) => (
          <button key={key} type="button" onClick={() => press(key)} disabled={!inCall || busy} aria-label={t('sim.key', { key })}>
            {key}
          </button>
        ))}
      </div>
      {inCall && gather?.speech && (
        <form onSubmit={say} className="say-form">
          <label htmlFor="sim-speech">{t('sim.speech')}</label>
          <div className="row">
            <input id="sim-speech" value={speech} onChange={(e) => setSpeech(e.target.value)} autoComplete="off" />
            <button type="submit" disabled={busy || !speech.trim()}>{t('sim.say')}</button>
          </div>
        </form>
      )}
      <div className="actions">
        {inCall ? (
          <>
            <button type="button" onClick={() => callSid && step(callSid, {}, t('sim.silence'))} disabled={busy}>{t('sim.noInput')}</button>
            <button type="button" className="danger" onClick={hangUp}>{t('sim.hangUp')}</button>
          </>
        ) : (
          <button type="button" className="primary" onClick={call}>{t('sim.call')}</button>
        )}
        {canSpeak && (
          <label className="check inline">
            <input type="checkbox" checked={aloud} onChange={(e) => setAloud(e.target.checked)} />
            {t('sim.readAloud')}
          </label>
        )}
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/Alerts';
import { Field } from '../components/Field';
import { api, asApiError, type ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/messages';
import { panelsFor, type Panel } from '../lib/roles';
import { Link, usePath } from '../lib/router';
import { sessions, type StaffSession } from '../lib/session';
import { NoticesPanel } from './staff/NoticesPanel';
import { QuotaPanel } from './staff/QuotaPanel';
import { RiskPanel } from './staff/RiskPanel';
import { SmsPanel } from './staff/SmsPanel';
import { TodayPanel } from './staff/TodayPanel';
import { UnitsPanel } from './staff/UnitsPanel';

/** Staff sign in here, then work in the panels their roles allow (one per path: /staff/today, …). */
export function StaffPage() {
  const [session, setSession] = useState<StaffSession | null>(() => sessions.staff());
  const { t } = useI18n();
  const path = usePath();
  if (!session) {
    return <StaffLogin title={t('login.title')} onSignedIn={setSession} />;
  }
  const panels = panelsFor(session.roles);
  const signOut = () => {
    sessions.clearStaff();
    setSession(null);
  };
  if (panels.length === 0) {
    return (
      <section className="card narrow">
        <h1>{session.displayName}</h1>
        <p>{t('staff.unitMemberHere')} <Link href="/unit">{t('nav.unit')}</Link></p>
        <button type="button" onClick={signOut}>{t('common.signOut')}</button>
      </section>
    );
  }
  const requested = path.split('/')[2] as Panel | undefined;
  const panel = requested && panels.includes(requested) ? requested : panels[0];
  return (
    <section>
      <div className="toolbar">
        <h1>
          {session.displayName} <small className="muted">{session.roles.map((r) => t(`role.${r}` as MessageKey)).join('、')}</small>
        </h1>
        <button type="button" onClick={signOut}>{t('common.signOut')}</button>
      </div>
      <nav aria-label={t('staff.panels')}>
        <ul className="tabs">
          {panels.map((p) => (
            <li key={p}>
              <Link href={`/staff/${p}`} aria-current={p === panel ? 'page' : undefined}>{t(`staff.panel.${p}` as MessageKey)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="panel">
        {panel === 'today' && <TodayPanel session={session} />}
        {panel === 'quotas' && <QuotaPanel session={session} />}
        {panel === 'risk' && <RiskPanel session={session} />}
        {panel === 'notices' && <NoticesPanel session={session} />}
        {panel === 'sms' && <SmsPanel session={session} />}
        {panel === 'units' && <UnitsPanel token={session.token} />}
      </div>
    </section>
  );
}

interface LoginResponse {
  token: string;
  expiresAt: string;
  username: string;
  displayName: string;
  roles: string[];
  unitId?: number;
}

/** The staff and unit sign-in form; a wrong password is explained under it. */
export function StaffLogin({ title, onSignedIn }: { title: string; onSignedIn: (session: StaffSession) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await api<LoginResponse>('/api/v1/auth/login', { body: { username: username.trim(), password } });
      const session: StaffSession = { ...response };
      sessions.saveStaff(session);
      onSignedIn(session);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card narrow" onSubmit={submit} noValidate>
      <h1>{title}</h1>
      <Field id="username" label={t('login.username')} autoComplete="username" value={username} onChange={setUsername} required />
      <Field id="password" label={t('login.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy || !username || !password}>
        {t('login.submit')}
      </button>
    </form>
  );
}

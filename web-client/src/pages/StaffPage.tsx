import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { sessions, type StaffSession } from '../lib/session';
import { UnitsPanel } from './staff/UnitsPanel';

/** Staff sign in here, then work in the panels their roles allow. */
export function StaffPage() {
  const [session, setSession] = useState<StaffSession | null>(() => sessions.staff());
  const { t } = useI18n();
  if (!session) {
    return <StaffLogin onSignedIn={setSession} />;
  }
  return (
    <section>
      <div className="toolbar">
        <h1>
          {session.displayName} <small>({session.roles.join(', ')})</small>
        </h1>
        <button
          type="button"
          onClick={() => {
            sessions.clearStaff();
            setSession(null);
          }}
        >
          {t('common.signOut')}
        </button>
      </div>
      <UnitsPanel token={session.token} />
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

export function StaffLogin({ onSignedIn }: { onSignedIn: (session: StaffSession) => void }) {
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
      const response = await api<LoginResponse>('/api/v1/auth/login', { body: { username, password } });
      const session: StaffSession = { ...response };
      sessions.saveStaff(session);
      onSignedIn(session);
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card narrow" onSubmit={submit} noValidate>
      <h1>{t('login.title')}</h1>
      <label htmlFor="username">{t('login.username')}</label>
      <input id="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      <label htmlFor="password">{t('login.password')}</label>
      <input
        id="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}

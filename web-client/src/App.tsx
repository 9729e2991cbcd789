import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Loading } from './components/Alerts';
import { api } from './lib/api';
import { useI18n } from './lib/i18n';
import { Link, usePath } from './lib/router';
import { HomePage } from './pages/HomePage';
import { NotFound } from './pages/NotFound';

// Staff, units and the simulator load their code (ECharts, the QR scanner) only when opened.
const StaffPage = lazy(() => import('./pages/StaffPage').then((m) => ({ default: m.StaffPage })));
const UnitPage = lazy(() => import('./pages/UnitPage').then((m) => ({ default: m.UnitPage })));
const SimulatorPage = lazy(() => import('./pages/SimulatorPage').then((m) => ({ default: m.SimulatorPage })));
const MyBookingsPage = lazy(() => import('./pages/MyBookingsPage').then((m) => ({ default: m.MyBookingsPage })));

/** The shell every page shares: a header with the ways in, the language switch, and the page. */
export function App() {
  const { t, lang, setLang } = useI18n();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const [simulator, setSimulator] = useState<boolean | null>(null);

  useEffect(() => {
    // The simulator exists only in the embedded default: ask once whether it is here.
    api('/api/v1/simulator').then(() => setSimulator(true), () => setSimulator(false));
  }, []);

  useEffect(() => {
    // Move focus to the new page for keyboard and screen-reader users.
    main.current?.focus();
  }, [path]);

  const nav = [
    { href: '/', label: t('nav.book'), active: path === '/' || path.startsWith('/book') },
    { href: '/my', label: t('nav.my'), active: path.startsWith('/my') },
    { href: '/staff', label: t('nav.staff'), active: path.startsWith('/staff') },
    { href: '/unit', label: t('nav.unit'), active: path.startsWith('/unit') },
    ...(simulator ? [{ href: '/simulator', label: t('nav.simulator'), active: path.startsWith('/simulator') }] : []),
  ];

  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">民</span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <button type="button" className="lang-switch" lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('lang.switch')}
        </button>
        <nav aria-label={t('nav.main')}>
          <ul className="nav">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.active ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading label={t('common.loading')} />}>{route(path, simulator)}</Suspense>
      </main>
    </>
  );
}

function route(path: string, simulator: boolean | null) {
  if (path === '/' || path.startsWith('/book')) {
    return <HomePage />;
  }
  if (path.startsWith('/my')) {
    return <MyBookingsPage />;
  }
  if (path.startsWith('/staff')) {
    return <StaffPage />;
  }
  if (path.startsWith('/unit')) {
    return <UnitPage />;
  }
  if (path.startsWith('/simulator')) {
    return simulator === null ? null : simulator ? <SimulatorPage /> : <NotFound />;
  }
  return <NotFound />;
}

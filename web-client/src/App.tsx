import { useEffect, useRef } from 'react';
import { useI18n } from './lib/i18n';
import { Link, usePath } from './lib/router';
import { StaffPage } from './pages/StaffPage';
import { NotFound } from './pages/NotFound';
import { HomePage } from './pages/HomePage';

/** The shell every page shares: a header with the four ways in, the language switch, and the page. */
export function App() {
  const { t, lang, setLang } = useI18n();
  const path = usePath();
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    // Move focus to the new page for keyboard and screen-reader users.
    main.current?.focus();
  }, [path]);

  const nav = [
    { href: '/', label: t('nav.book'), active: path === '/' || path.startsWith('/book') },
    { href: '/staff', label: t('nav.staff'), active: path.startsWith('/staff') },
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        {lang === 'en' ? 'Skip to content' : '跳到主要内容'}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">民</span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav aria-label={lang === 'en' ? 'Main' : '主导航'}>
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
        <button type="button" className="lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('lang.switch')}
        </button>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route(path)}
      </main>
    </>
  );
}

function route(path: string) {
  if (path === '/' || path.startsWith('/book')) {
    return <HomePage />;
  }
  if (path.startsWith('/staff')) {
    return <StaffPage />;
  }
  return <NotFound />;
}

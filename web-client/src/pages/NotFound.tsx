import { useI18n } from '../lib/i18n';
import { Link } from '../lib/router';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="card">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/">{t('nav.book')}</Link>
      </p>
    </section>
  );
}

import { useI18n } from '../lib/i18n';

/** The citizens' booking page (services, calendar, slots, parties, verification, confirmation). */
export function HomePage() {
  const { t } = useI18n();
  return (
    <section className="card">
      <h1>{t('nav.book')}</h1>
    </section>
  );
}

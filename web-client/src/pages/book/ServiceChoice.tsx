import { useI18n } from '../../lib/i18n';
import type { ServiceInfo } from '../../lib/types';

/** The services a citizen can book, with where and the limits in force now. */
export function ServiceChoice({ services, onChoose }: { services: ServiceInfo[]; onChoose: (service: ServiceInfo) => void }) {
  const { t, lang } = useI18n();
  return (
    <ul className="choices">
      {services.map((service) => (
        <li key={service.code}>
          <button type="button" className="choice" onClick={() => onChoose(service)} disabled={service.limits.suspended}>
            <span className="choice-title">{lang === 'en' ? service.nameEn : service.name}</span>
            <span className="muted">{service.office.name}</span>
            <span className="muted">
              {service.limits.suspended
                ? t('book.suspended')
                : t('book.serviceLimits', { days: service.limits.maxDaysAhead, companions: service.limits.maxCompanions })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

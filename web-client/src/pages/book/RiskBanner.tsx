import { describeInstant } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import type { DistrictRisk } from '../../lib/types';

/** The district's risk level and what it means for a visit, kept live by the page. */
export function RiskBanner({ risk }: { risk: DistrictRisk | null }) {
  const { t, lang } = useI18n();
  if (!risk) {
    return null;
  }
  const profile = risk.profile;
  const rules: string[] = [];
  rules.push(profile.maxCompanions === 0 ? t('risk.noCompanions') : t('risk.companions', { count: profile.maxCompanions }));
  if (profile.appointmentOnly) {
    rules.push(t('risk.appointmentOnly'));
  }
  const serviceName = (code: string) => t(`service.${code}` as MessageKey);
  if (profile.suspendedServices.length > 0) {
    rules.push(t('risk.suspended', { services: profile.suspendedServices.map(serviceName).join(lang === 'en' ? ', ' : '、') }));
  }
  const reduced = ['MARRIAGE_REGISTRATION', 'FAREWELL_CEREMONY', 'CREMATION', 'BODY_TRANSPORT']
    .filter((code) => !profile.suspendedServices.includes(code))
    .map((code) => ({ code, factor: profile.capacityFactors[code] ?? profile.defaultCapacityFactor }))
    .filter((entry) => entry.factor < 1);
  reduced.forEach((entry) => rules.push(t('risk.capacity', { service: serviceName(entry.code), percent: Math.round(entry.factor * 100) })));
  if (profile.elderlyCareVisitsSuspended) {
    rules.push(t('risk.visitsSuspended'));
  }
  return (
    <section className={`risk-banner level-${risk.level.toLowerCase()}`} aria-labelledby="risk-title">
      <h2 id="risk-title">
        {t('risk.title')}<strong>{t(`riskLevel.${risk.level}` as MessageKey)}</strong>
      </h2>
      <p className="muted">
        {risk.reason} · {t('risk.since', { at: describeInstant(risk.since, lang) })}
      </p>
      <ul>
        {rules.map((rule) => <li key={rule}>{rule}</li>)}
      </ul>
    </section>
  );
}

import { describeDay } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';

export interface RiskPreview {
  level: string;
  unitId?: number;
  services: {
    service: string;
    suspendedAfter: boolean;
    factorBefore: number;
    factorAfter: number;
    companionsBefore: number;
    companionsAfter: number;
    days: { date: string; capacityBefore: number; capacityAfter: number; booked: number; toReaccommodate: number }[];
  }[];
}

/** What a level switch would change, service by service, before it is made. */
export function RiskPreviewTable({ preview }: { preview: RiskPreview }) {
  const { t, lang } = useI18n();
  if (preview.services.length === 0) {
    return <p>{t('risk.previewNothing')}</p>;
  }
  return (
    <div className="risk-preview">
      <h4>{t('risk.previewTitle')}</h4>
      {preview.services.map((s) => {
        const moving = s.days.reduce((sum, d) => sum + d.toReaccommodate, 0);
        const before = s.days.reduce((sum, d) => sum + d.capacityBefore, 0);
        const after = s.days.reduce((sum, d) => sum + d.capacityAfter, 0);
        const affected = s.days.filter((d) => d.toReaccommodate > 0);
        return (
          <section key={s.service} className="preview-service">
            <h5>{t(`service.${s.service}` as MessageKey)}{s.suspendedAfter && <strong className="warn"> · {t('risk.wouldSuspend')}</strong>}</h5>
            <ul>
              <li>{t('risk.previewCapacity', { before: Math.round(s.factorBefore * 100), after: Math.round(s.factorAfter * 100), seatsBefore: before, seatsAfter: after })}</li>
              <li>{t('risk.previewCompanions', { before: s.companionsBefore, after: s.companionsAfter })}</li>
              <li className={moving > 0 ? 'warn' : undefined}>{t('risk.previewMoving', { count: moving })}</li>
            </ul>
            {affected.length > 0 && (
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('quota.day')}</th><th scope="col">{t('risk.before')}</th>
                    <th scope="col">{t('risk.after')}</th><th scope="col">{t('quota.booked')}</th><th scope="col">{t('risk.toMove')}</th>
                  </tr>
                </thead>
                <tbody>
                  {affected.map((d) => (
                    <tr key={d.date}>
                      <td>{describeDay(d.date, lang)}</td><td>{d.capacityBefore}</td><td>{d.capacityAfter}</td><td>{d.booked}</td><td>{d.toReaccommodate}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { describeInstant } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import type { Guideline, RiskLevel, RiskStatusView, UnitType } from '../../lib/types';

export interface UnitBoard {
  unitId: number;
  unitName: string;
  unitType: UnitType;
  level: RiskLevel;
  label: string;
  ownLevel: boolean;
  district: RiskStatusView;
  guideline?: Guideline;
  maxCompanions: number;
  elderlyCareVisitsSuspended: boolean;
}

/**
 * The level the unit works at and its guideline's checklist. Ticks are kept in this browser for
 * the day, per level, so that the member on duty sees what is done.
 */
export function GuidelineCard({ board, today }: { board: UnitBoard; today: string }) {
  const { t, lang } = useI18n();
  const key = `civicdesk.checklist.${board.unitId}.${board.level}.${today}`;
  const [done, setDone] = useState<number[]>(() => JSON.parse(localStorage.getItem(key) ?? '[]') as number[]);
  useEffect(() => setDone(JSON.parse(localStorage.getItem(key) ?? '[]') as number[]), [key]);
  const toggle = (i: number) => {
    const next = done.includes(i) ? done.filter((x) => x !== i) : [...done, i];
    setDone(next);
    localStorage.setItem(key, JSON.stringify(next));
  };
  return (
    <section className={`card guideline level-${board.level.toLowerCase()}`} aria-labelledby="guideline-title">
      <h2 id="guideline-title">
        {t('unit.levelNow')}<strong>{t(`riskLevel.${board.level}` as MessageKey)}</strong>
        {board.ownLevel && <span className="badge">{t('unit.ownLevel')}</span>}
      </h2>
      <p className="muted">
        {t('unit.districtLevel', { level: t(`riskLevel.${board.district.level}` as MessageKey), at: describeInstant(board.district.since, lang) })} · {board.district.reason}
      </p>
      {board.elderlyCareVisitsSuspended && board.unitType === 'ELDERLY_CARE_HOME' && <p className="warn">{t('risk.visitsSuspended')}</p>}
      {board.guideline ? (
        <>
          <h3>{board.guideline.title}</h3>
          <ul className="checklist">
            {board.guideline.procedures.map((step, i) => (
              <li key={i}>
                <label className="check">
                  <input type="checkbox" checked={done.includes(i)} onChange={() => toggle(i)} />
                  {step}
                </label>
              </li>
            ))}
          </ul>
          <p className="muted">{t('unit.checklistProgress', { done: done.length, total: board.guideline.procedures.length })}</p>
        </>
      ) : (
        <p>{t('unit.noGuideline')}</p>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';

interface Unit {
  id: number;
  name: string;
  type: string;
  contacts: { name: string; phone: string }[];
}

/** The directory of units and their duty contacts. */
export function UnitsPanel({ token }: { token: string }) {
  const { t } = useI18n();
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    api<Unit[]>('/api/v1/units', { token }).then(setUnits, setError);
  }, [token]);

  if (error) {
    return <p className="error" role="alert">{error.message}</p>;
  }
  if (!units) {
    return <p aria-busy="true">{t('common.loading')}</p>;
  }
  return (
    <section className="card" aria-labelledby="units-title">
      <h2 id="units-title">{t('units.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('units.title')}</th>
            <th scope="col">{t('units.contacts')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id}>
              <td>{unit.id}</td>
              <td>
                {unit.name}
                <div className="muted">{t(`unitType.${unit.type}` as MessageKey)}</div>
              </td>
              <td>
                {unit.contacts.map((c) => (
                  <div key={c.phone}>
                    {c.name} <span className="mono">{c.phone}</span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

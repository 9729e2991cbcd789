import { useI18n } from '../../lib/i18n';
import type { DraftProblem, SlotDraft } from '../../lib/quotas';

/** The slots of a day or template as editable rows: start, end, seats, seats held back for phone and counter. */
export function SlotRows({ idPrefix, slots, onChange, problems, booked }: {
  idPrefix: string;
  slots: SlotDraft[];
  onChange: (slots: SlotDraft[]) => void;
  problems: DraftProblem[];
  /** Seats already taken per row, shown beside the capacity. */
  booked?: number[];
}) {
  const { t } = useI18n();
  const set = (row: number, field: keyof SlotDraft, value: string) =>
    onChange(slots.map((slot, i) => (i === row ? { ...slot, [field]: value } : slot)));
  const problemOf = (row: number, field: keyof SlotDraft) => problems.find((p) => p.row === row && p.field === field);
  const cell = (row: number, field: keyof SlotDraft, label: string, props: Record<string, string>) => {
    const problem = problemOf(row, field);
    const id = `${idPrefix}-${row}-${field}`;
    return (
      <td>
        <label className="sr-only" htmlFor={id}>{t('quota.rowLabel', { row: row + 1, field: label })}</label>
        <input id={id} value={slots[row][field]} onChange={(e) => set(row, field, e.target.value)}
          aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} {...props} />
        {problem && <span id={`${id}-error`} className="field-error">{t(problem.key)}</span>}
      </td>
    );
  };
  return (
    <div className="slot-rows">
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">{t('quota.start')}</th>
            <th scope="col">{t('quota.end')}</th>
            <th scope="col">{t('quota.capacity')}</th>
            <th scope="col">{t('quota.reserved')}</th>
            {booked && <th scope="col">{t('quota.booked')}</th>}
            <th scope="col"><span className="sr-only">{t('quota.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {slots.map((_, row) => (
            <tr key={row}>
              {cell(row, 'start', t('quota.start'), { inputMode: 'numeric', placeholder: '09:00', size: '5' })}
              {cell(row, 'end', t('quota.end'), { inputMode: 'numeric', placeholder: '09:30', size: '5' })}
              {cell(row, 'capacity', t('quota.capacity'), { inputMode: 'numeric', size: '4' })}
              {cell(row, 'reserved', t('quota.reserved'), { inputMode: 'numeric', size: '4', placeholder: t('quota.reservedDefault') })}
              {booked && <td>{booked[row] ?? 0}</td>}
              <td>
                <button type="button" className="small" onClick={() => onChange(slots.filter((__, i) => i !== row))}
                  aria-label={t('quota.removeRow', { row: row + 1 })}>×</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => {
        const last = slots[slots.length - 1];
        onChange([...slots, { start: last?.end ?? '09:00', end: '', capacity: last?.capacity ?? '8', reserved: '' }]);
      }}>{t('quota.addSlot')}</button>
    </div>
  );
}

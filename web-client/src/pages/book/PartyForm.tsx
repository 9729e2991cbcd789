import { useEffect, useMemo, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/Alerts';
import { Field, leavingForButton } from '../../components/Field';
import type { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { ServiceInfo } from '../../lib/types';
import { checkDetails, serverProblems, toDetails, type BookingDetails, type DetailsForm, type FieldProblem, type FormField } from './details';

const FIELD_IDS: Record<FormField, string> = {
  party0Name: 'party0-name', party0Id: 'party0-id', party1Name: 'party1-name', party1Id: 'party1-id',
  applicantName: 'applicant-name', applicantPhone: 'applicant-phone', deceasedName: 'deceased-name',
  companions: 'companions', travelled: 'travelled-no', travel: 'travel',
};

/**
 * Who the booking is for, checked as it is typed (ID checksum and birth date, the marriage age on
 * the day, phone) and again by the service, whose answer is shown next to the field it concerns.
 */
export function PartyForm({ service, day, today, form, setForm, serverError, onSubmit, onBack }: {
  service: ServiceInfo;
  day: string;
  today: string;
  form: DetailsForm;
  setForm: (form: DetailsForm) => void;
  serverError: ApiError | null;
  onSubmit: (details: BookingDetails) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const marriage = service.parties.kind === 'MARRIAGE';
  const [touched, setTouched] = useState<Partial<Record<FormField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [fromServer, setFromServer] = useState(() => serverProblems(serverError));
  const formRef = useRef<HTMLFormElement>(null);
  const problems = useMemo(() => checkDetails(form, marriage, today, day), [form, marriage, today, day]);

  useEffect(() => setFromServer(serverProblems(serverError)), [serverError]);
  useEffect(() => {
    const first = Object.keys(fromServer.fields)[0] as FormField | undefined;
    if (first) {
      document.getElementById(FIELD_IDS[first])?.focus();
    }
  }, [fromServer]);

  const say = (problem?: FieldProblem) => (problem ? t(problem.key, problem.vars) : null);
  const errorOf = (field: FormField) =>
    fromServer.fields[field] ?? ((touched[field] || submitted) ? say(problems[field]) : null);
  const update = (field: keyof DetailsForm, value: string | number | boolean) => {
    setForm({ ...form, [field]: value });
    if (fromServer.fields[field as FormField]) {
      setFromServer({ ...fromServer, fields: { ...fromServer.fields, [field]: undefined } });
    }
  };
  // A field's problem shows once it is left (not when left for a button: see leavingForButton).
  const blur = (field: FormField) => (event: FocusEvent<HTMLInputElement>) => {
    if (!leavingForButton(event)) {
      setTouched((current) => ({ ...current, [field]: true }));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const invalid = (Object.keys(FIELD_IDS) as FormField[]).filter((field) => problems[field]);
    if (invalid.length > 0) {
      document.getElementById(FIELD_IDS[invalid[0]])?.focus();
      return;
    }
    onSubmit(toDetails(form, marriage));
  };
  const count = Object.keys(problems).length;

  const text = (field: FormField, label: string, extra: Record<string, unknown> = {}) => (
    <Field
      id={FIELD_IDS[field]}
      label={label}
      value={String(form[field])}
      onChange={(value) => update(field, value)}
      onBlur={blur(field)}
      error={errorOf(field)}
      required
      {...extra}
    />
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="details">
      {marriage ? (
        ([0, 1] as const).map((i) => (
          <fieldset key={i}>
            <legend>{t(i === 0 ? 'details.party1' : 'details.party2')}</legend>
            {text(`party${i}Name`, t('details.name'), { autoComplete: 'off', maxLength: 50 })}
            {text(`party${i}Id`, t('details.idNumber'), {
              hint: t('details.idHint'), autoComplete: 'off', maxLength: 22, inputMode: 'text', spellCheck: false,
            })}
          </fieldset>
        ))
      ) : (
        <>
          <fieldset>
            <legend>{t('details.deceased')}</legend>
            {text('deceasedName', t('details.name'), { maxLength: 50 })}
            <label className="check">
              <input type="checkbox" checked={form.specialHandling} onChange={(e) => update('specialHandling', e.target.checked)} />
              {t('details.specialHandling')}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('details.applicant')}</legend>
            {text('applicantName', t('details.name'), { autoComplete: 'name', maxLength: 50 })}
            {text('applicantPhone', t('details.phone'), { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 20 })}
          </fieldset>
        </>
      )}
      <div className="field">
        <label htmlFor="companions">{t('details.companions')}</label>
        <p className="hint" id="companions-hint">{t('details.companionsHint', { count: service.limits.maxCompanions })}</p>
        <select
          id="companions"
          value={form.companions}
          aria-describedby={errorOf('companions') ? 'companions-hint companions-error' : 'companions-hint'}
          aria-invalid={errorOf('companions') ? true : undefined}
          onChange={(e) => update('companions', Number(e.target.value))}
        >
          {Array.from({ length: service.limits.maxCompanions + 1 }, (_, n) => (
            <option key={n} value={n}>{n}</option>
          ))}
        </select>
        {errorOf('companions') && <p id="companions-error" className="field-error">{errorOf('companions')}</p>}
      </div>
      <fieldset aria-describedby={errorOf('travelled') ? 'travelled-error' : undefined}>
        <legend>{t('details.declaration')}</legend>
        <label className="check">
          <input type="radio" id="travelled-no" name="travelled" checked={form.travelled === 'no'} onChange={() => update('travelled', 'no')} />
          {t('details.travelledNo')}
        </label>
        <label className="check">
          <input type="radio" id="travelled-yes" name="travelled" checked={form.travelled === 'yes'} onChange={() => update('travelled', 'yes')} />
          {t('details.travelledYes')}
        </label>
        {errorOf('travelled') && <p id="travelled-error" className="field-error">{errorOf('travelled')}</p>}
        {form.travelled === 'yes' && text('travel', t('details.places'), { hint: t('details.placesHint'), maxLength: 200 })}
        {form.travelled !== 'yes' && errorOf('travel') && <p className="field-error" role="alert">{errorOf('travel')}</p>}
      </fieldset>
      {submitted && count > 0 && <p className="error" role="alert">{t('details.fixErrors', { count })}</p>}
      <ErrorMessage>{fromServer.general}</ErrorMessage>
      <div className="actions">
        <button type="button" onClick={onBack}>{t('common.back')}</button>
        <button type="submit" className="primary">{t('details.next')}</button>
      </div>
    </form>
  );
}

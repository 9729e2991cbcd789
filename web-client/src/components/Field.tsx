import type { FocusEvent, InputHTMLAttributes, ReactNode, Ref } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled text input whose hint and error are tied to it (aria-describedby, aria-invalid), so
 * that a screen reader reads the problem with the field and the error sits right under it.
 */
export function Field({ id, label, value, onChange, hint, error, ref, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={hintId} className="hint">{hint}</p>}
      <input
        id={id}
        ref={ref}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {error && <p id={errorId} className="field-error">{error}</p>}
    </div>
  );
}

/**
 * Whether a field is being left for a button of its own form. Checks that run on leaving a field
 * wait then (the button checks anyway): a message appearing or vanishing at that moment would move
 * the button from under the pointer and swallow the click.
 */
export function leavingForButton(event: FocusEvent<HTMLElement>): boolean {
  const next = event.relatedTarget;
  const form = (event.target as HTMLInputElement).form;
  return next instanceof HTMLButtonElement && !!form && form.contains(next);
}

import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api';

/** A failure in plain words, announced at once to screen readers. */
export function ErrorMessage({ error, children }: { error?: ApiError | null; children?: ReactNode }) {
  if (!error && !children) {
    return null;
  }
  return <p className="error" role="alert">{children ?? error?.message}</p>;
}

/** The result of something that happened in the background, announced politely. */
export function StatusMessage({ children, tone }: { children?: ReactNode; tone?: 'ok' | 'info' }) {
  return (
    <p className={`status ${tone ?? 'info'}`} role="status" aria-live="polite">
      {children}
    </p>
  );
}

export function Loading({ label }: { label: string }) {
  return <p className="muted" aria-busy="true">{label}</p>;
}

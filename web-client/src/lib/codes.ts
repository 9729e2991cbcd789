// Booking reference codes are 8 digits, read aloud and shown in two groups: 4821 7730.

export function formatCode(code: string): string {
  const digits = code.replace(/\D/g, '');
  return digits.length === 8 ? `${digits.substring(0, 4)} ${digits.substring(4)}` : code;
}

/** A new random key for one booking attempt, the same on each retry of it. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) {
    return crypto.randomUUID();
  }
  return `k-${Date.now()}-${Math.random().toString(36).substring(2)}`;
}

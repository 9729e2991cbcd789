// Resident identity numbers (GB 11643-1999) checked in the browser before anything is sent, with
// the same rules the service applies: 17 digits and a check character, a real birth date, and the
// legal marriage age on the appointment day (22 for men, 20 for women, from the sequence digit).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdProblem = 'empty' | 'format' | 'checksum' | 'birthDate' | 'implausible' | 'underAge';

export interface IdCheck {
  ok: boolean;
  problem?: IdProblem;
  /** The number as the service keeps it: no spaces, X upper-case. */
  number: string;
  birthDate?: string;
  male?: boolean;
  /** For underAge: the minimum age that applies. */
  minimumAge?: number;
}

/** Normalises what a person typed: spaces removed, x upper-cased. */
export function normalizeId(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The check character the first 17 digits call for. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  }
  return CHECK[sum % 11];
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) {
    age--;
  }
  return age;
}

/**
 * Checks an ID number. With `appointmentDay`, also that its holder will be of legal marriage
 * age on that day; `today` bounds the birth date.
 */
export function checkResidentId(raw: string, today: string, appointmentDay?: string): IdCheck {
  const number = normalizeId(raw);
  if (number === '') {
    return { ok: false, problem: 'empty', number };
  }
  if (!/^\d{17}[\dX]$/.test(number)) {
    return { ok: false, problem: 'format', number };
  }
  if (checkCharacter(number.substring(0, 17)) !== number[17]) {
    return { ok: false, problem: 'checksum', number };
  }
  const year = Number(number.substring(6, 10));
  const month = Number(number.substring(10, 12));
  const day = Number(number.substring(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: 'birthDate', number };
  }
  const birthDate = `${number.substring(6, 10)}-${number.substring(10, 12)}-${number.substring(12, 14)}`;
  if (year < 1900 || birthDate > today) {
    return { ok: false, problem: 'implausible', number, birthDate };
  }
  const male = Number(number[16]) % 2 === 1;
  if (appointmentDay) {
    const minimumAge = male ? 22 : 20;
    if (ageOn(birthDate, appointmentDay) < minimumAge) {
      return { ok: false, problem: 'underAge', number, birthDate, male, minimumAge };
    }
  }
  return { ok: true, number, birthDate, male };
}

/** A valid number for tests and demos: region, birth date and sequence given, check computed. */
export function makeResidentId(region: string, birthDate: string, sequence: string): string {
  const first17 = region + birthDate.replaceAll('-', '') + sequence;
  return first17 + checkCharacter(first17);
}

// Phone numbers as people type them (spaces, dashes, +86) checked before they are sent. The service
// has the last word (libphonenumber); this catches the common slips at once.

/** Digits and a leading +, nothing else. */
export function compactPhone(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** A Chinese mobile number (SMS codes go to these), with or without +86. */
export function isMobile(raw: string): boolean {
  const phone = compactPhone(raw);
  return /^(\+?86)?1[3-9]\d{9}$/.test(phone);
}

/** Any number the funeral home could call: a mobile, a landline with area code, or E.164. */
export function isPhone(raw: string): boolean {
  const phone = compactPhone(raw);
  return isMobile(phone) || /^0\d{9,11}$/.test(phone) || /^\+[1-9]\d{7,14}$/.test(phone);
}

/** E.164 for Chinese numbers typed without a country code. */
export function toE164(raw: string): string {
  const phone = compactPhone(raw);
  if (phone.startsWith('+')) {
    return phone;
  }
  if (phone.startsWith('86') && phone.length === 13) {
    return `+${phone}`;
  }
  return phone.startsWith('0') ? `+86${phone.substring(1)}` : `+86${phone}`;
}

/** For screens: 138****8000. */
export function maskPhone(raw: string): string {
  const phone = compactPhone(raw).replace(/^\+86/, '');
  return phone.length >= 8 ? `${phone.substring(0, 3)}****${phone.substring(phone.length - 4)}` : '****';
}

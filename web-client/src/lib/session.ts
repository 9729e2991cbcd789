import { useCallback, useState } from 'react';

// Who is signed in on this browser: a staff token (with roles) or a citizen token (with a phone),
// kept in sessionStorage so that closing the browser signs out.

export interface StaffSession {
  token: string;
  username: string;
  displayName: string;
  roles: string[];
  unitId?: number;
  expiresAt: string;
}

export interface CitizenSession {
  token: string;
  phone: string;
  expiresAt: string;
}

const STAFF = 'civicdesk.staff';
const CITIZEN = 'civicdesk.citizen';

function read<T extends { expiresAt: string }>(key: string): T | null {
  const raw = sessionStorage.getItem(key);
  if (!raw) {
    return null;
  }
  try {
    const value = JSON.parse(raw) as T;
    return new Date(value.expiresAt).getTime() > Date.now() ? value : null;
  } catch {
    return null;
  }
}

export const sessions = {
  staff: () => read<StaffSession>(STAFF),
  citizen: () => read<CitizenSession>(CITIZEN),
  saveStaff: (session: StaffSession) => sessionStorage.setItem(STAFF, JSON.stringify(session)),
  saveCitizen: (session: CitizenSession) => sessionStorage.setItem(CITIZEN, JSON.stringify(session)),
  clearStaff: () => sessionStorage.removeItem(STAFF),
  clearCitizen: () => sessionStorage.removeItem(CITIZEN),
};

/** The citizen signed in on this browser, and forgetting them (sign-out, or a token the service no longer takes). */
export function useCitizen(): [CitizenSession | null, (session: CitizenSession) => void, () => void] {
  const [citizen, setCitizen] = useState<CitizenSession | null>(() => sessions.citizen());
  const forget = useCallback(() => {
    sessions.clearCitizen();
    setCitizen(null);
  }, []);
  return [citizen, setCitizen, forget];
}

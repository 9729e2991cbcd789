// The simulator's own phone number and WeChat follower, kept for the browser session so that the
// inbox and conversations continue across reloads.

function remembered(key: string, make: () => string): string {
  const existing = sessionStorage.getItem(key);
  if (existing) {
    return existing;
  }
  const value = make();
  sessionStorage.setItem(key, value);
  return value;
}

export function simulatedPhone(): string {
  return remembered('civicdesk.sim.phone', () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
}

export function rememberPhone(phone: string): void {
  sessionStorage.setItem('civicdesk.sim.phone', phone);
}

export function simulatedOpenId(): string {
  return remembered('civicdesk.sim.openid', () => `oSim${Math.random().toString(36).substring(2, 12)}`);
}

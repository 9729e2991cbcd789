// Which staff panels and services a signed-in account's roles allow (the service checks again).
import type { ServiceCode } from './types';

export type Panel = 'today' | 'quotas' | 'risk' | 'notices' | 'sms' | 'units';

const SERVICE_ROLES: Record<ServiceCode, string> = {
  MARRIAGE_REGISTRATION: 'REGISTRY_STAFF',
  FAREWELL_CEREMONY: 'FUNERAL_STAFF',
  CREMATION: 'FUNERAL_STAFF',
  BODY_TRANSPORT: 'FUNERAL_STAFF',
};

export function isDeskStaff(roles: string[]): boolean {
  return roles.some((role) => role === 'ADMIN' || role === 'REGISTRY_STAFF' || role === 'FUNERAL_STAFF');
}

export function panelsFor(roles: string[]): Panel[] {
  if (!isDeskStaff(roles)) {
    return [];
  }
  const panels: Panel[] = ['today', 'quotas', 'risk', 'notices'];
  if (roles.includes('ADMIN')) {
    panels.push('sms');
  }
  panels.push('units');
  return panels;
}

/** The services whose quotas and desk this account manages. */
export function servicesFor(roles: string[]): ServiceCode[] {
  return (Object.keys(SERVICE_ROLES) as ServiceCode[])
    .filter((code) => roles.includes('ADMIN') || roles.includes(SERVICE_ROLES[code]));
}

export function isCommandGroup(roles: string[]): boolean {
  return roles.includes('ADMIN');
}

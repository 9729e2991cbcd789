// The shapes of the CivicDesk API the client reads (see README's API tables and the OpenAPI docs).

export type ServiceCode = 'MARRIAGE_REGISTRATION' | 'FAREWELL_CEREMONY' | 'CREMATION' | 'BODY_TRANSPORT';
export type RiskLevel = 'NORMAL' | 'SPORADIC' | 'HIGH';
export type UnitType = 'BUREAU_SECTION' | 'SECONDARY_UNIT' | 'ELDERLY_CARE_HOME' | 'FUNERAL_HOME' | 'MARRIAGE_REGISTRY';
export type Severity = 'INFO' | 'WARNING' | 'URGENT';

export interface ServiceInfo {
  code: ServiceCode;
  name: string;
  nameEn: string;
  office: { name: string; unitId?: number };
  slotMinutes: number;
  parties: { kind: 'MARRIAGE' | 'FUNERAL'; count: number; minAgeMen?: number; minAgeWomen?: number };
  limits: {
    riskLevel: RiskLevel;
    capacityFactor: number;
    suspended: boolean;
    maxCompanions: number;
    minNoticeMinutes: number;
    maxDaysAhead: number;
    releaseTime: string;
    cancelCutoffMinutes: number;
  };
}

export interface Guideline {
  title: string;
  procedures: string[];
}

export interface RiskProfile {
  level: RiskLevel;
  capacityFactors: Record<string, number>;
  defaultCapacityFactor: number;
  maxCompanions: number;
  appointmentOnly: boolean;
  suspendedServices: string[];
  elderlyCareVisitsSuspended: boolean;
  guidelines: Partial<Record<UnitType, Guideline>>;
}

/** The district's level: GET /api/v1/risk-level and /topic/risk-level. */
export interface DistrictRisk {
  level: RiskLevel;
  label: string;
  since: string;
  reason: string;
  profile: RiskProfile;
}

export type BookingStatus = 'HELD' | 'CONFIRMED' | 'CHECKED_IN' | 'CANCELLED' | 'NO_SHOW' | 'EXPIRED';

export interface Booking {
  code: string;
  status: BookingStatus;
  service: ServiceCode;
  serviceName: string;
  office: string;
  date: string;
  slotStart: string;
  slotEnd: string;
  parties?: { name: string; idNumber: string }[];
  applicant?: { name: string; phone: string };
  deceased?: { name: string; specialHandling: boolean };
  companions: number;
  channel: string;
  heldUntil?: string;
  qr: string;
  createdAt: string;
}

export interface WaitlistEntry {
  id: number;
  service: ServiceCode;
  date: string;
  status: 'WAITING' | 'OFFERED' | 'BOOKED' | 'EXPIRED' | 'CANCELLED';
  position?: number;
  offeredCode?: string;
  offeredUntil?: string;
}

export interface Unit {
  id: number;
  name: string;
  type: UnitType;
  contacts: { name: string; phone: string }[];
}

export interface NoticeMessage {
  id: number;
  kind: 'GENERAL' | 'RISK_LEVEL';
  title: string;
  body: string;
  severity: Severity;
  issuedAt: string;
  requiresAck: boolean;
  ackDeadlineAt?: string;
  riskLevel?: RiskLevel;
  guideline?: Guideline;
}

export interface Notice extends NoticeMessage {
  audience: { all: boolean; unitTypes: UnitType[]; unitIds: number[] };
  ackDeadlineMinutes?: number;
  public: boolean;
  issuedBy: string;
}

export interface NoticeSummary {
  notice: Notice;
  total: number;
  acknowledged: number;
  pending: number;
  overdue: boolean;
}

export interface UnitAckState {
  unitId: number;
  name: string;
  deliveredAt?: string;
  deliveredVia?: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  via?: string;
  overdue: boolean;
  escalatedAt?: string;
}

export interface AckReport {
  noticeId: number;
  total: number;
  acknowledged: number;
  pending: number;
  overdue: number;
  units: UnitAckState[];
}

/** A step of a notice's progress on /topic/acknowledgements. */
export interface AckProgress {
  event: 'ISSUED' | 'ACKNOWLEDGED' | 'ESCALATED';
  noticeId: number;
  title: string;
  unitIds: number[];
  at: string;
  via?: string;
  total: number;
  acknowledged: number;
  pending: number;
}

export interface ForUnitNotice {
  notice: NoticeMessage;
  deliveredAt?: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  via?: string;
  overdue: boolean;
}

/** A level in force, as risk changes list it. */
export interface RiskStatusView {
  unitId?: number;
  level: RiskLevel;
  since: string;
  reason: string;
}

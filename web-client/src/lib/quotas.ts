// Staff's view of quotas: a day's plan as staff edit it, and how loaded a day is on the calendar.
import { hm } from './dates';

export interface QuotaSlot {
  start: string;
  end: string;
  capacity: number;
  effective: number;
  reserved: number;
  booked: number;
  reserveBooked: number;
}

export interface QuotaDay {
  service: string;
  date: string;
  open: boolean;
  reason?: string;
  hot: boolean;
  suspended: boolean;
  capacityFactor: number;
  dayCap?: number;
  dayCapEffective?: number;
  booked: number;
  slots: QuotaSlot[];
}

/** A slot row in the editor: text inputs, checked before sending. */
export interface SlotDraft {
  start: string;
  end: string;
  capacity: string;
  reserved: string;
}

export function draftsOf(day: QuotaDay): SlotDraft[] {
  return day.slots.map((slot) => ({
    start: hm(slot.start), end: hm(slot.end), capacity: String(slot.capacity), reserved: String(slot.reserved),
  }));
}

/** Slots every `minutes` from `from` to `to` (HH:MM), each with `capacity` seats. */
export function evenSlots(from: string, to: string, minutes: number, capacity: number): SlotDraft[] {
  const toMinutes = (time: string) => Number(time.substring(0, 2)) * 60 + Number(time.substring(3, 5));
  const toTime = (value: number) => `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;
  const slots: SlotDraft[] = [];
  for (let start = toMinutes(from); start + minutes <= toMinutes(to); start += minutes) {
    slots.push({ start: toTime(start), end: toTime(start + minutes), capacity: String(capacity), reserved: '' });
  }
  return slots;
}

export type DraftProblem = { row: number; field: keyof SlotDraft; key: 'quota.timeInvalid' | 'quota.endBeforeStart' | 'quota.overlap' | 'quota.capacityInvalid' | 'quota.reservedInvalid' };

/** The first problem of each row, the same checks the service makes (times, order, overlap, numbers). */
export function checkDrafts(drafts: SlotDraft[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  const sorted = drafts.map((d, row) => ({ ...d, row })).sort((a, b) => a.start.localeCompare(b.start));
  drafts.forEach((draft, row) => {
    if (!time.test(draft.start)) {
      problems.push({ row, field: 'start', key: 'quota.timeInvalid' });
    } else if (!time.test(draft.end)) {
      problems.push({ row, field: 'end', key: 'quota.timeInvalid' });
    } else if (draft.end <= draft.start) {
      problems.push({ row, field: 'end', key: 'quota.endBeforeStart' });
    } else if (!/^\d{1,5}$/.test(draft.capacity.trim())) {
      problems.push({ row, field: 'capacity', key: 'quota.capacityInvalid' });
    } else if (draft.reserved.trim() !== '' && (!/^\d{1,5}$/.test(draft.reserved.trim()) || Number(draft.reserved) > Number(draft.capacity))) {
      problems.push({ row, field: 'reserved', key: 'quota.reservedInvalid' });
    }
  });
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end && !problems.some((p) => p.row === sorted[i].row)) {
      problems.push({ row: sorted[i].row, field: 'start', key: 'quota.overlap' });
    }
  }
  return problems;
}

export function toSlotRequests(drafts: SlotDraft[]) {
  return drafts.map((d) => ({
    start: d.start, end: d.end, capacity: Number(d.capacity), ...(d.reserved.trim() !== '' ? { reserved: Number(d.reserved) } : {}),
  }));
}

/** The seats a day offers now (after the risk level and its day cap) and how many are taken. */
export function dayLoad(day: QuotaDay): { capacity: number; booked: number } {
  const slots = day.slots.reduce((sum, slot) => sum + slot.effective, 0);
  const capacity = day.dayCapEffective !== undefined && day.dayCapEffective !== null ? Math.min(slots, day.dayCapEffective) : slots;
  return { capacity: day.open && !day.suspended ? capacity : 0, booked: day.booked };
}

/** How full a day is on the staff calendar: closed, or a fifth-step band of booked/capacity. */
export function loadBand(day: QuotaDay | undefined): 'closed' | 'empty' | 'low' | 'half' | 'high' | 'full' {
  if (!day || !day.open || day.suspended) {
    return 'closed';
  }
  const { capacity, booked } = dayLoad(day);
  if (capacity <= 0 || booked >= capacity) {
    return 'full';
  }
  const share = booked / capacity;
  return share === 0 ? 'empty' : share < 0.5 ? 'low' : share < 0.8 ? 'half' : 'high';
}

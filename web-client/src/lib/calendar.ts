// The citizens' month calendar: which day shows which colour (by seats left), how a live seat
// update from /topic/availability.{service} changes the days on screen, and the weeks of a month.
import { addDays, firstOfMonth, lastOfMonth, weekdayIndex } from './dates';

export interface AvailabilitySlot {
  start: string;
  end: string;
  capacity: number;
  remaining: number;
  /** False when it starts too soon to book (minimum notice) or is over. */
  inTime?: boolean;
}

export interface AvailabilityDay {
  date: string;
  open: boolean;
  reason?: string;
  hot?: boolean;
  bookable: boolean;
  releasesAt?: string;
  releases?: { at: string; share: number }[];
  slots: AvailabilitySlot[];
}

/** The live message the quota module publishes when seats change. */
export interface SeatsChanged {
  service: string;
  date: string;
  slotStart: string;
  remaining: number;
  capacity: number;
  dayRemaining: number;
}

/**
 * What a day looks like: `closed` (not open, or suspended), `past`, `unreleased` (open but not
 * bookable yet), `full`, `few` (under a fifth of the seats left), `some` (under half), `plenty`.
 */
export type Tone = 'closed' | 'past' | 'unreleased' | 'full' | 'few' | 'some' | 'plenty';

export function seatsLeft(day: AvailabilityDay): { remaining: number; capacity: number } {
  return day.slots.filter((slot) => slot.inTime !== false).reduce(
    (sum, slot) => ({ remaining: sum.remaining + Math.max(0, slot.remaining), capacity: sum.capacity + slot.capacity }),
    { remaining: 0, capacity: 0 },
  );
}

export function toneOf(day: AvailabilityDay | undefined, today: string): Tone {
  if (!day) {
    return 'closed';
  }
  if (day.date < today) {
    return 'past';
  }
  if (!day.open) {
    return 'closed';
  }
  if (!day.bookable) {
    return day.releasesAt ? 'unreleased' : 'closed';
  }
  const { remaining, capacity } = seatsLeft(day);
  if (remaining <= 0 || capacity <= 0) {
    return 'full';
  }
  const share = remaining / capacity;
  if (share < 0.2) {
    return 'few';
  }
  return share < 0.5 ? 'some' : 'plenty';
}

/** Whether a citizen can join this day's waitlist: open and released, with no seat left. */
export function waitlistable(day: AvailabilityDay | undefined, today: string): boolean {
  return !!day && day.date >= today && day.open && day.bookable && day.slots.length > 0 && toneOf(day, today) === 'full';
}

/** The days with one slot's seats replaced by a live update; the same array when it is not shown. */
export function applySeatsChanged(days: AvailabilityDay[], change: SeatsChanged): AvailabilityDay[] {
  const index = days.findIndex((day) => day.date === change.date);
  if (index < 0) {
    return days;
  }
  const day = days[index];
  const slotIndex = day.slots.findIndex((slot) => slot.start.substring(0, 5) === change.slotStart.substring(0, 5));
  if (slotIndex < 0) {
    return days;
  }
  const slots = day.slots.slice();
  const slot = slots[slotIndex];
  // A slot too soon to book stays unbookable whatever its seats.
  slots[slotIndex] = { ...slot, remaining: slot.inTime === false ? 0 : change.remaining, capacity: change.capacity };
  const next = days.slice();
  next[index] = { ...day, slots };
  return next;
}

/** The weeks (Monday first) of a month; null for the cells before the 1st and after the last day. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = firstOfMonth(year, month);
  const last = lastOfMonth(year, month);
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array(weekdayIndex(first)).fill(null);
  for (let day = first; day <= last; day = addDays(day, 1)) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) {
    weeks.push([...week, ...Array(7 - week.length).fill(null)]);
  }
  return weeks;
}

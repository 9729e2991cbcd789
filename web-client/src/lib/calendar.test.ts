import { describe, expect, it } from 'vitest';
import { applySeatsChanged, monthWeeks, seatsLeft, toneOf, waitlistable, type AvailabilityDay } from './calendar';

const today = '2026-11-30';

function day(date: string, slots: [number, number, boolean?][], extra: Partial<AvailabilityDay> = {}): AvailabilityDay {
  return {
    date, open: true, bookable: true,
    slots: slots.map(([capacity, remaining, inTime], i) => ({
      start: `${String(9 + i).padStart(2, '0')}:00:00`, end: `${String(10 + i).padStart(2, '0')}:00:00`, capacity, remaining, inTime: inTime ?? true,
    })),
    ...extra,
  };
}

describe('the citizens\' calendar', () => {
  it('colours a day by the share of seats left', () => {
    expect(toneOf(day('2026-12-01', [[8, 8], [8, 4]]), today)).toBe('plenty');
    expect(toneOf(day('2026-12-01', [[8, 2], [8, 4]]), today)).toBe('some');
    expect(toneOf(day('2026-12-01', [[8, 1], [8, 1]]), today)).toBe('few');
    expect(toneOf(day('2026-12-01', [[8, 0], [8, 0]]), today)).toBe('full');
  });

  it('tells closed, unreleased and past days apart from full ones', () => {
    expect(toneOf(undefined, today)).toBe('closed');
    expect(toneOf(day('2026-12-01', [], { open: false, reason: '周末不办公' }), today)).toBe('closed');
    expect(toneOf(day('2026-12-10', [[8, 0]], { bookable: false, releasesAt: '2026-12-03T00:30:00Z' }), today)).toBe('unreleased');
    expect(toneOf(day('2026-11-29', [[8, 8]]), today)).toBe('past');
  });

  it('does not count slots too soon to book', () => {
    const morning = day(today, [[8, 0, false], [8, 6]]);
    expect(seatsLeft(morning)).toEqual({ remaining: 6, capacity: 8 });
    expect(toneOf(morning, today)).toBe('plenty');
  });

  it('offers the waitlist only on a released day with no seat left', () => {
    expect(waitlistable(day('2026-12-01', [[8, 0]]), today)).toBe(true);
    expect(waitlistable(day('2026-12-01', [[8, 1]]), today)).toBe(false);
    expect(waitlistable(day('2026-12-01', [], { open: false }), today)).toBe(false);
  });

  it('follows a live seat update for the slot it names, and only that one', () => {
    const days = [day('2026-12-01', [[8, 8], [8, 8]])];
    const next = applySeatsChanged(days, { service: 'MARRIAGE_REGISTRATION', date: '2026-12-01', slotStart: '10:00', remaining: 3, capacity: 4, dayRemaining: 11 });
    expect(next[0].slots[1]).toMatchObject({ remaining: 3, capacity: 4 });
    expect(next[0].slots[0]).toBe(days[0].slots[0]);
    expect(days[0].slots[1].remaining).toBe(8);
    expect(applySeatsChanged(days, { service: 'X', date: '2027-01-01', slotStart: '09:00', remaining: 0, capacity: 0, dayRemaining: 0 })).toBe(days);
  });

  it('keeps a slot too soon to book at zero whatever a live update says', () => {
    const days = [day(today, [[8, 0, false]])];
    const next = applySeatsChanged(days, { service: 'S', date: today, slotStart: '09:00:00', remaining: 5, capacity: 8, dayRemaining: 5 });
    expect(next[0].slots[0].remaining).toBe(0);
  });

  it('lays a month out in weeks starting on Monday', () => {
    const weeks = monthWeeks(2026, 11);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks[weeks.length - 1]).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(monthWeeks(2027, 2).flat().filter(Boolean)).toHaveLength(28);
  });
});

import { describe, expect, it } from 'vitest';
import { checkDrafts, dayLoad, evenSlots, loadBand, toSlotRequests, type QuotaDay } from './quotas';

function quotaDay(booked: number, effective: number[], extra: Partial<QuotaDay> = {}): QuotaDay {
  return {
    service: 'MARRIAGE_REGISTRATION', date: '2026-12-01', open: true, hot: false, suspended: false, capacityFactor: 1, booked,
    slots: effective.map((e, i) => ({ start: `0${9 + i}:00:00`, end: `0${9 + i}:30:00`, capacity: e, effective: e, reserved: 0, booked: 0, reserveBooked: 0 })),
    ...extra,
  };
}

describe('the staff quota editor and calendar', () => {
  it('makes even slots', () => {
    expect(evenSlots('09:00', '10:30', 30, 8).map((s) => `${s.start}-${s.end}`)).toEqual(['09:00-09:30', '09:30-10:00', '10:00-10:30']);
  });

  it('finds the problems the service would refuse, row by row', () => {
    expect(checkDrafts(evenSlots('09:00', '10:00', 30, 8))).toEqual([]);
    expect(checkDrafts([{ start: '9:00', end: '09:30', capacity: '8', reserved: '' }])[0]).toMatchObject({ row: 0, field: 'start', key: 'quota.timeInvalid' });
    expect(checkDrafts([{ start: '10:00', end: '09:30', capacity: '8', reserved: '' }])[0]).toMatchObject({ field: 'end', key: 'quota.endBeforeStart' });
    expect(checkDrafts([{ start: '09:00', end: '09:30', capacity: 'x', reserved: '' }])[0].key).toBe('quota.capacityInvalid');
    expect(checkDrafts([{ start: '09:00', end: '09:30', capacity: '4', reserved: '5' }])[0].key).toBe('quota.reservedInvalid');
    const overlapping = [{ start: '09:00', end: '10:00', capacity: '4', reserved: '' }, { start: '09:30', end: '10:30', capacity: '4', reserved: '' }];
    expect(checkDrafts(overlapping)).toEqual([{ row: 1, field: 'start', key: 'quota.overlap' }]);
  });

  it('sends held-back seats only when given', () => {
    expect(toSlotRequests([{ start: '09:00', end: '09:30', capacity: '8', reserved: '' }])).toEqual([{ start: '09:00', end: '09:30', capacity: 8 }]);
    expect(toSlotRequests([{ start: '09:00', end: '09:30', capacity: '8', reserved: '2' }])[0].reserved).toBe(2);
  });

  it('shows how full a day is, its day cap and risk level included', () => {
    expect(dayLoad(quotaDay(3, [8, 8]))).toEqual({ capacity: 16, booked: 3 });
    expect(dayLoad(quotaDay(3, [8, 8], { dayCapEffective: 10 }))).toEqual({ capacity: 10, booked: 3 });
    expect(loadBand(quotaDay(0, [8]))).toBe('empty');
    expect(loadBand(quotaDay(2, [8]))).toBe('low');
    expect(loadBand(quotaDay(5, [8]))).toBe('half');
    expect(loadBand(quotaDay(7, [8]))).toBe('high');
    expect(loadBand(quotaDay(8, [8]))).toBe('full');
    expect(loadBand(quotaDay(0, [], { open: false }))).toBe('closed');
    expect(loadBand(quotaDay(0, [8], { suspended: true }))).toBe('closed');
  });
});

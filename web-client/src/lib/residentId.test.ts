import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, checkResidentId, makeResidentId } from './residentId';

describe('resident ID numbers (GB 11643)', () => {
  const today = '2026-11-30';

  it('accepts a valid number and reads its birth date and sex', () => {
    // The standard's own example: 11010519491231002X, a woman born 31 December 1949.
    const check = checkResidentId('11010519491231002x', today);
    expect(check).toMatchObject({ ok: true, number: '11010519491231002X', birthDate: '1949-12-31', male: false });
  });

  it('computes the check character over the first 17 digits', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });

  it('tolerates spaces as people type them', () => {
    expect(checkResidentId('110105 19491231 002X', today).ok).toBe(true);
  });

  it('names what is wrong: length, check character, impossible or future birth dates', () => {
    expect(checkResidentId('', today).problem).toBe('empty');
    expect(checkResidentId('1101051949123100', today).problem).toBe('format');
    expect(checkResidentId('11010519491231002A', today).problem).toBe('format');
    expect(checkResidentId('110105194912310021', today).problem).toBe('checksum');
    expect(checkResidentId(makeResidentId('110105', '1990-02-30', '011'), today).problem).toBe('birthDate');
    expect(checkResidentId(makeResidentId('110105', '2030-01-01', '011'), today).problem).toBe('implausible');
  });

  it('checks the legal marriage age on the appointment day: 22 for men, 20 for women', () => {
    const man = makeResidentId('110105', '2004-12-01', '011');
    expect(checkResidentId(man, today, '2026-11-30')).toMatchObject({ ok: false, problem: 'underAge', minimumAge: 22 });
    expect(checkResidentId(man, today, '2026-12-01').ok).toBe(true);
    const woman = makeResidentId('110105', '2006-12-05', '022');
    expect(checkResidentId(woman, today, '2026-12-04')).toMatchObject({ ok: false, problem: 'underAge', minimumAge: 20 });
    expect(checkResidentId(woman, today, '2026-12-05').ok).toBe(true);
  });

  it('counts whole years, birthdays included', () => {
    expect(ageOn('2000-02-29', '2020-02-28')).toBe(19);
    expect(ageOn('2000-02-29', '2020-02-29')).toBe(20);
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
  });
});

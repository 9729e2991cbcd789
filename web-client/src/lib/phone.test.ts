import { describe, expect, it } from 'vitest';
import { isMobile, isPhone, maskPhone, toE164 } from './phone';

describe('phone numbers', () => {
  it('accepts mobiles however they are typed', () => {
    expect(isMobile('138 0013 8000')).toBe(true);
    expect(isMobile('+86-138-0013-8000')).toBe(true);
    expect(isMobile('12800138000')).toBe(false);
    expect(isMobile('1380013800')).toBe(false);
  });

  it('accepts landlines with an area code for the funeral home to call', () => {
    expect(isPhone('0477 8581234')).toBe(true);
    expect(isPhone('8581234')).toBe(false);
  });

  it('writes E.164 and masks for screens', () => {
    expect(toE164('138 0013 8000')).toBe('+8613800138000');
    expect(toE164('0477-8581234')).toBe('+864778581234');
    expect(toE164('+8613800138000')).toBe('+8613800138000');
    expect(maskPhone('+8613800138000')).toBe('138****8000');
  });
});

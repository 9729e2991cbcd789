import { describe, expect, it } from 'vitest';
import { parseGather, pressKey } from './gather';

const menu = '<Response><Gather action="/channels/twilio/voice" input="dtmf speech" numDigits="1" timeout="6"><Say language="cmn-CN">…</Say></Gather><Redirect>/x</Redirect></Response>';
const date = '<Response><Gather action="/channels/twilio/voice" finishOnKey="#" input="dtmf speech" timeout="10"><Say>…</Say></Gather></Response>';
const name = '<Response><Gather input="speech dtmf" timeout="6"><Say>…</Say></Gather></Response>';

describe('the simulator\'s keypad as Twilio collects keys', () => {
  it('reads what a <Gather> waits for', () => {
    expect(parseGather(menu)).toEqual({ numDigits: 1, finishOnKey: '#', speech: true, dtmf: true });
    expect(parseGather(date)).toEqual({ numDigits: undefined, finishOnKey: '#', speech: true, dtmf: true });
    expect(parseGather(name)?.speech).toBe(true);
    expect(parseGather('<Response><Say>再见</Say><Hangup/></Response>')).toBeNull();
  });

  it('sends a menu choice at the first key', () => {
    expect(pressKey('', '2', parseGather(menu))).toEqual({ buffer: '', submit: '2' });
  });

  it('collects a date until # and sends it without the #', () => {
    const gather = parseGather(date);
    let state = { buffer: '' } as { buffer: string; submit?: string };
    for (const key of '0520') {
      state = pressKey(state.buffer, key, gather);
      expect(state.submit).toBeUndefined();
    }
    expect(pressKey(state.buffer, '#', gather)).toEqual({ buffer: '', submit: '0520' });
  });

  it('keeps * as a key (X in ID numbers)', () => {
    expect(pressKey('1101051949123100', '2', parseGather(date)).buffer).toBe('11010519491231002');
    expect(pressKey('11010519491231002', '*', parseGather(date)).buffer).toBe('11010519491231002*');
  });
});

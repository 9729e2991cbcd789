// The simulator's phone keypad plays Twilio: a <Gather> in the TwiML says how many keys to collect
// (numDigits), which key ends the input (finishOnKey) and whether words are listened for (speech).
// These functions turn key presses into the Digits Twilio would send.

export interface Gather {
  numDigits?: number;
  finishOnKey: string;
  speech: boolean;
  dtmf: boolean;
}

/** The first <Gather> of a TwiML answer, or null when the call is not waiting for input. */
export function parseGather(twiml: string): Gather | null {
  const match = /<Gather\b([^>]*)>/.exec(twiml);
  if (!match) {
    return null;
  }
  const attributes = match[1];
  const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
  const input = attribute('input') ?? 'dtmf';
  const numDigits = attribute('numDigits');
  return {
    numDigits: numDigits ? Number(numDigits) : undefined,
    // Twilio's default: # ends the input.
    finishOnKey: attribute('finishOnKey') ?? '#',
    speech: input.includes('speech'),
    dtmf: input.includes('dtmf'),
  };
}

/**
 * A key pressed with `buffer` already typed: the new buffer, and the digits to send when this key
 * completes the input (numDigits reached, or the finish key).
 */
export function pressKey(buffer: string, key: string, gather: Gather | null): { buffer: string; submit?: string } {
  if (gather && key === gather.finishOnKey && gather.finishOnKey !== '') {
    return { buffer: '', submit: buffer };
  }
  const next = buffer + key;
  if (!gather || (gather.numDigits !== undefined && next.length >= gather.numDigits)) {
    return { buffer: '', submit: next };
  }
  return { buffer: next };
}

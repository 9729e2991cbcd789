// A short two-tone chime with the Web Audio API when a notice arrives on a unit's board. Browsers
// allow sound only after the person has interacted with the page; before that it stays silent.

let context: AudioContext | null = null;

/** Call from a click or key press so that later chimes are allowed to play. */
export function unlockSound(): void {
  const AudioCtor = typeof window !== 'undefined'
    ? (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext)
    : undefined;
  if (!AudioCtor) {
    return;
  }
  if (!context) {
    context = new AudioCtor();
  }
  void context.resume().catch(() => {});
}

/** Plays the chime; louder and three tones for urgent notices. Returns whether it could play. */
export function chime(urgent = false): boolean {
  if (!context || context.state !== 'running') {
    return false;
  }
  const tones = urgent ? [880, 660, 880] : [660, 880];
  const start = context.currentTime;
  tones.forEach((frequency, i) => {
    const oscillator = context!.createOscillator();
    const gain = context!.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + i * 0.22;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(urgent ? 0.5 : 0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
    oscillator.connect(gain).connect(context!.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.21);
  });
  return true;
}

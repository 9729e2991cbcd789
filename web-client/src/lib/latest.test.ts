import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (failure: unknown) => void;
  const promise = new Promise<T>((ok, ko) => { resolve = ok; reject = ko; });
  return { promise, resolve, reject };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('a panel reloaded twice at once', () => {
  it('keeps the newer answer when the older one comes last', async () => {
    const latest = latestOnly();
    const shown: string[] = [];
    const older = deferred<string>();
    const newer = deferred<string>();
    latest(older.promise, (v) => shown.push(v));
    latest(newer.promise, (v) => shown.push(v));
    newer.resolve('after the change');
    await settle();
    older.resolve('before the change');
    await settle();
    expect(shown).toEqual(['after the change']);
  });

  it('reports a failure only of the newest reload', async () => {
    const latest = latestOnly();
    const failures: unknown[] = [];
    const older = deferred<string>();
    const newer = deferred<string>();
    latest(older.promise, () => {}, (f) => failures.push(f));
    latest(newer.promise, () => {}, (f) => failures.push(f));
    older.reject(new Error('late and stale'));
    await settle();
    expect(failures).toEqual([]);
    newer.reject(new Error('current'));
    await settle();
    expect(failures).toHaveLength(1);
  });

  it('applies every answer of calls made one after the other', async () => {
    const latest = latestOnly();
    const shown: number[] = [];
    latest(Promise.resolve(1), (v) => shown.push(v));
    await settle();
    latest(Promise.resolve(2), (v) => shown.push(v));
    await settle();
    expect(shown).toEqual([1, 2]);
  });
});

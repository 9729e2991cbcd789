// Live panels reload when a message says something changed, on reconnect and after their own
// changes, so two reloads can be in flight at once and the older one may answer last. Only the
// answer to the newest call is applied: a late, older answer never puts stale data back on screen.

export type Latest = <T>(request: Promise<T>, apply: (value: T) => void, fail?: (failure: unknown) => void) => void;

export function latestOnly(): Latest {
  let generation = 0;
  return (request, apply, fail) => {
    const mine = ++generation;
    request.then(
      (value) => {
        if (mine === generation) {
          apply(value);
        }
      },
      (failure) => {
        if (mine === generation) {
          fail?.(failure);
        }
      },
    );
  };
}

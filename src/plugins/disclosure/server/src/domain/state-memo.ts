/**
 * One value remembered per content state (see the response cache): computed once for a state, shared
 * by every caller in that state, computed again when the state moves. Callers compute it only after
 * reading the state, so a value is never older than the state it is filed under.
 */
export class StateMemo<T> {
  private state: string | null = null;
  private value: Promise<T> | null = null;

  get(state: string, compute: () => Promise<T>): Promise<T> {
    if (this.value && this.state === state) return this.value;
    const value = compute();
    this.state = state;
    this.value = value;
    // A failure is not remembered: the next caller computes again.
    value.catch(() => {
      if (this.value === value) {
        this.value = null;
        this.state = null;
      }
    });
    return value;
  }
}

/**
 * A value built on first use and kept until invalidated (e.g. when the data it was built from
 * changes). A failed build is not kept: the next call tries again.
 */
export function reloadable<T>(build: () => Promise<T>) {
  let pending: Promise<T> | null = null;
  return {
    get(): Promise<T> {
      pending ??= build().catch((error) => {
        pending = null;
        throw error;
      });
      return pending;
    },
    invalidate() {
      pending = null;
    },
  };
}

/** The first index whose key is at least x, in an array sorted by key (binary search). */
export function lowerBound<T>(a: readonly T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(a[mid]) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

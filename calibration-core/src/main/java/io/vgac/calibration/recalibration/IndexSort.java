package io.vgac.calibration.recalibration;

/** Stable O(n log n) sort of indices by a primitive key, without boxing. */
final class IndexSort {
  private IndexSort() {}

  /** The indices {@code 0..keys.length−1} ordered by ascending key; equal keys keep their order. */
  static int[] ascending(double[] keys) {
    int n = keys.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] tmp = new int[n];
    // Bottom-up merge sort; runs of width 1, 2, 4, ...
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        if (keys[a[mid - 1]] <= keys[a[mid]]) {
          continue; // already in order
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          a[k++] = keys[tmp[j]] < keys[tmp[i]] ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
          a[k++] = tmp[i++];
        }
        while (j < hi) {
          a[k++] = tmp[j++];
        }
      }
    }
    return a;
  }
}

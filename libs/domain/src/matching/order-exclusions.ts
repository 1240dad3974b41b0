/**
 * The order exclusions are listed in: nearest first by the distance people are shown (tenths of a
 * mile), then by vacancy id. That is the order a reader can check, and the one
 * `ORDER BY distance_miles, vacancy_id` gives back from the stored rows.
 *
 * A region's exclusions run to tens of thousands and a comparison sort of them cost more than
 * checking every vacancy. Distances in tenths of a mile are small whole numbers, so a counting sort
 * orders them in linear time; only vacancies at the same shown distance (settings in the same
 * postcode district share its centre) are then sorted by id, and only as far as `limit` reaches.
 *
 * @param tenths each exclusion's shown distance in tenths of a mile, a whole number of 0 or more
 * @param ids each exclusion's vacancy id (gathered while the vacancy was at hand: reaching back
 *   into scattered vacancy objects from a sort's comparisons costs a cache miss each)
 * @returns the indexes of the first `limit` exclusions, in order
 */
export function orderExclusions(tenths: readonly number[], ids: readonly string[], limit: number): Int32Array {
  const n = tenths.length;
  let maxKey = 0;
  for (let i = 0; i < n; i++) if (tenths[i] > maxKey) maxKey = tenths[i];
  const starts = new Int32Array(maxKey + 2);
  for (let i = 0; i < n; i++) starts[tenths[i] + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[starts[tenths[i]]++] = i;

  const count = Math.min(n, limit);
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < n && tenths[order[end]] === tenths[order[start]]) end++;
    if (end - start > 1) sortRunById(order, start, end, ids);
    start = end;
  }
  return order.subarray(0, count);
}

function sortRunById(order: Int32Array, start: number, end: number, ids: readonly string[]): void {
  if (end - start <= 16) {
    // Insertion sort: the usual run is a handful of settings in one district.
    for (let i = start + 1; i < end; i++) {
      const at = order[i];
      const id = ids[at];
      let j = i - 1;
      while (j >= start && ids[order[j]] > id) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = at;
    }
    return;
  }
  const run = Array.from(order.subarray(start, end));
  run.sort((a, b) => {
    const x = ids[a];
    const y = ids[b];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  order.set(run, start);
}

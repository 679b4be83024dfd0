/** The heap cap of the merge's worker threads, MB: DIPLOGRAPH_MERGE_HEAP_MB, or 1 GB. */
export function mergeHeapMB(): number {
  const n = Number(process.env.DIPLOGRAPH_MERGE_HEAP_MB);
  return Number.isFinite(n) && n >= 64 ? n : 1024;
}

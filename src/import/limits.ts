/** The largest dataset file (or ?data= response) the dashboard reads. Checked before parsing. */
export const MAX_DATASET_BYTES = 50 * 1024 * 1024;

/** "60.0 MB", "812 KB", "17 bytes": binary units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

export const tooLargeMessage = (bytes: number) =>
  `the file is ${formatBytes(bytes)}; the largest dataset the dashboard reads is ${formatBytes(MAX_DATASET_BYTES)}, so it was not opened`;

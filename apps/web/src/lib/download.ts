import { session } from '../api/session';
import { csvText } from './csv';

/**
 * Downloads a CSV route of the api as a file: fetched with the bearer token (never put in a URL),
 * then saved through an object URL. Throws with the api's message when it refuses.
 */
export async function downloadCsv(path: string, filename: string): Promise<void> {
  const token = session.get()?.token;
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `The file could not be downloaded (${response.status})`);
  }
  saveFile(await response.blob(), filename);
}

/** Saves rows the page already has as a CSV file, for a report the api has no CSV route of. */
export function saveCsv(filename: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): void {
  saveFile(new Blob([csvText(header, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}

function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
}

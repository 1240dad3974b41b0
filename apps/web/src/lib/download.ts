import { session } from '../api/session';

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
  const url = URL.createObjectURL(await response.blob());
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

import { ApiError } from '../../api/client';
import { session } from '../../api/session';

/**
 * Fetches an api path's CSV with the bearer token in a header and saves it as a file. The token
 * never goes into a URL, where it would sit in history and server logs.
 */
export async function downloadCsv(path: string, query: Record<string, string>, fileName: string): Promise<void> {
  const token = session.get()?.token;
  const response = await fetch(`${path}?${new URLSearchParams(query)}`, {
    headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) {
    throw new ApiError(response.status, { statusCode: response.status, error: response.statusText, message: `Download failed (${response.status})` });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

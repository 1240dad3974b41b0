/** The dashboard's path, outside the api's /api/v1 prefix. */
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/** The cookie that opens the dashboard in a browser, and how long it lasts. */
export const QUEUE_DASHBOARD_COOKIE = 'queues_session';
export const QUEUE_SESSION_SECONDS = 10 * 60;

/** The dashboard cookie's value in a Cookie header, if any. */
export function queueSessionCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_DASHBOARD_COOKIE && value.length > 0) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

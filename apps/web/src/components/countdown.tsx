import { useEffect, useState } from 'react';
import { formatCountdown } from '../lib/format';

/**
 * Time left until `until`, ticking each second; calls `onExpired` once when it runs out (to fetch
 * the list again). Read out only when asked: a live region ticking every second would drown a
 * screen reader.
 */
export function Countdown({ until, onExpired }: { until: string; onExpired?: () => void }) {
  const end = new Date(until).getTime();
  const [now, setNow] = useState(() => Date.now());
  const expired = end <= now;
  useEffect(() => {
    if (expired) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [expired]);
  useEffect(() => {
    if (expired) onExpired?.();
    // onExpired changes identity on each render of the caller; only the moment of expiry matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [expired]);
  return (
    <time className="app-countdown" dateTime={until} role="timer">
      {formatCountdown(end - now)}
    </time>
  );
}

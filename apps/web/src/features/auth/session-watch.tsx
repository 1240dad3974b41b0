import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { session } from '../../api/session';
import { formatCountdown } from '../../lib/format';
import { SignInForm } from './sign-in-form';
import { useSession } from './use-session';

const WARN_BEFORE_MS = 5 * 60_000;

/**
 * Warns before the token expires and, once it has (or the api said 401), asks the same person to
 * sign in again over the page they are on, so a half-filled form is not lost. Someone else signing
 * in on a shared PC is taken to their own start page instead.
 */
export function SessionWatch() {
  const current = useSession();
  const [now, setNow] = useState(() => Date.now());
  const [renewing, setRenewing] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const expiredUser = session.expiredUser();

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (current && current.expiresAt <= now) session.expire();
  }, [current, now]);

  const expired = !current && expiredUser !== null;
  const msLeft = current ? current.expiresAt - now : 0;
  const warn = current && msLeft <= WARN_BEFORE_MS;

  const dialogRef = useRef<HTMLDivElement>(null);
  const open = expired || renewing;
  useEffect(() => {
    if (open) dialogRef.current?.querySelector('input')?.focus();
  }, [open]);

  return (
    <>
      {warn && !renewing ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="session-warning-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="session-warning-title">
              Your session is ending
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              You will be signed out in <span className="app-countdown">{formatCountdown(msLeft)}</span>. Nothing you
              have typed will be lost.
            </p>
            <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={() => setRenewing(true)}>
              Stay signed in
            </button>
          </div>
        </div>
      ) : null}
      {open ? (
        <div className="app-session-dialog">
          <div
            className="app-session-dialog__panel"
            role="dialog"
            aria-modal="true"
            aria-labelledby="session-dialog-title"
            ref={dialogRef}
          >
            <h2 className="govuk-heading-m" id="session-dialog-title">
              {expired ? 'Your session has ended' : 'Sign in again to stay signed in'}
            </h2>
            <p className="govuk-body">Sign in again to carry on where you were. What you had typed is still here.</p>
            <SignInForm
              idPrefix="renew"
              defaultEmail={expiredUser?.email ?? current?.user.email ?? ''}
              onSignedIn={(user) => {
                const previous = expiredUser ?? current?.user;
                setRenewing(false);
                if (previous && previous.id !== user.id) {
                  queryClient.clear();
                  void navigate({ to: '/' });
                } else {
                  void queryClient.invalidateQueries();
                }
              }}
            />
            {expired ? null : (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setRenewing(false)}>
                Cancel
              </button>
            )}
          </div>
        </div>
      ) : null}
    </>
  );
}

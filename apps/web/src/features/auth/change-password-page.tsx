import { Navigate, getRouteApi, useLocation, useNavigate, Outlet } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { session } from '../../api/session';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { NotificationBanner } from '../../components/notification-banner';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { CHANGE_PASSWORD_PATH, mustChangePasswordFirst, passwordProblems, safeNext } from './password-gate';
import { useSession } from './use-session';

const route = getRouteApi('/authed/account/password');

const FIELDS = {
  currentPassword: { id: 'password-current', label: 'Current password' },
  newPassword: { id: 'password-new', label: 'New password' },
  confirmPassword: { id: 'password-confirm', label: 'Confirm new password' },
};

/** "Change your password", for every role; where a user whose password an admin reset is kept until they do. */
export function ChangePasswordPage() {
  const { next } = route.useSearch();
  const navigate = useNavigate();
  const current = useSession();
  const form = useForm(FIELDS, { currentPassword: '', newPassword: '', confirmPassword: '' });
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const mustChange = Boolean(current?.user.mustChangePassword);
  const target = safeNext(next);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.refuse(passwordProblems(form.values))) return;
    setBusy(true);
    try {
      const { currentPassword, newPassword } = form.values;
      await unwrap(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
      if (current) session.updateUser({ ...current.user, mustChangePassword: false });
      form.setErrors([]);
      setChanged(true);
    } catch (error) {
      // A 401 is the session ending: its own dialog says so.
      if (!(error instanceof ApiError && error.status === 401)) form.fail(error);
    } finally {
      setBusy(false);
    }
  }

  if (changed) {
    return (
      <>
        <NotificationBanner success heading="Your password has been changed">
          <p className="govuk-body">Use your new password the next time you sign in.</p>
        </NotificationBanner>
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => void navigate({ to: target })}>
          Continue
        </button>
      </>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} />
        <h1 className="govuk-heading-l">Change your password</h1>
        {mustChange ? (
          <div className="govuk-inset-text">
            Your password was reset by an administrator. Choose a new password to carry on: the temporary one you were
            given works only until you do.
          </div>
        ) : null}
        <form onSubmit={submit} noValidate>
          <TextInput
            {...form.input('currentPassword')}
            label={FIELDS.currentPassword.label}
            hint={mustChange ? 'The temporary password you were given' : undefined}
            type="password"
            autoComplete="current-password"
          />
          <TextInput
            {...form.input('newPassword')}
            label={FIELDS.newPassword.label}
            hint="At least 12 characters. A few words you will remember are easier to type and hard to guess."
            type="password"
            autoComplete="new-password"
          />
          <TextInput {...form.input('confirmPassword')} label={FIELDS.confirmPassword.label} type="password" autoComplete="new-password" />
          <SubmitButton busy={busy}>Change password</SubmitButton>
        </form>
      </div>
    </div>
  );
}

/**
 * The signed-in pages' frame: a user who must change their password is sent to do so, also when
 * that becomes known on the page they are on (signing in again over it).
 */
export function PasswordGate() {
  const current = useSession();
  const location = useLocation();
  if (mustChangePasswordFirst(current?.user, location.pathname)) {
    return <Navigate to={CHANGE_PASSWORD_PATH} search={{ next: location.href }} replace />;
  }
  return <Outlet />;
}

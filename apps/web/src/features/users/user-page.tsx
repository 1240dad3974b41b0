import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { errorsFrom } from '../../api/problems';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { NotificationBanner } from '../../components/notification-banner';
import { StatusTag } from '../../components/status-tag';
import { SummaryList } from '../../components/summary-list';
import { formatDateTime } from '../../lib/format';
import { ROLE_WORDS } from '../../lib/words';
import { LoadProblem } from '../provider/load-problem';
import { OrganisationName } from './organisation-name';
import { useAdminUser, useUpdateUser } from './queries';
import { TemporaryPassword } from './temporary-password';
import { sentence, type AdminUser } from './users';

const route = getRouteApi('/authed/users/$id');

type Action = 'disable' | 'enable' | 'reset';

const ACTIONS: Record<Action, { button: string; question: (who: string) => string; consequence: string; confirm: string; done: (who: string) => string }> = {
  disable: {
    button: 'Disable user',
    question: (who) => `Disable ${who}?`,
    consequence: 'They are signed out at their next action and cannot sign in until an administrator enables them again.',
    confirm: 'Yes, disable this user',
    done: (who) => `${who} has been disabled`,
  },
  enable: {
    button: 'Enable user',
    question: (who) => `Enable ${who}?`,
    consequence: 'They can sign in again with their password.',
    confirm: 'Yes, enable this user',
    done: (who) => `${who} has been enabled`,
  },
  reset: {
    button: 'Reset password',
    question: (who) => `Reset the password of ${who}?`,
    consequence: 'Their current password stops working. You are shown a temporary one, once, and they must choose a new password when they sign in with it.',
    confirm: 'Yes, reset the password',
    done: (who) => `The password of ${who} has been reset`,
  },
};

/** An api refusal of an action: its problems as sentences ("You cannot disable yourself"), or the general message. */
function actionErrors(error: unknown): FieldError[] {
  if (error instanceof ApiError && error.status === 400 && error.body.details?.length) {
    return error.body.details.map((detail) => ({ text: sentence(detail.problem) }));
  }
  return errorsFrom(error, () => undefined, { 404: 'This user no longer exists' });
}

/** One user: who they are, and disabling, enabling or resetting their password, each confirmed first. */
export function UserPage() {
  const { id } = route.useParams();
  const user = useAdminUser(id);
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [done, setDone] = useState<{ action: Action; temporaryPassword?: string } | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);

  if (!user.data) return <LoadProblem query={user} what="this user" />;
  const who = user.data.displayName ?? user.data.email;

  async function act(action: Action) {
    setErrors([]);
    setDone(null);
    const change = action === 'reset' ? { resetPassword: true as const } : { disabled: action === 'disable' };
    try {
      const answer = await update.mutateAsync({ id, change });
      setDone({ action, temporaryPassword: answer.temporaryPassword });
    } catch (error) {
      setErrors(actionErrors(error));
    } finally {
      setConfirming(null);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      {done ? <NotificationBanner success heading={ACTIONS[done.action].done(who)} /> : null}
      {done?.temporaryPassword ? <TemporaryPassword password={done.temporaryPassword} who={who} /> : null}
      <span className="govuk-caption-l">User</span>
      <h1 className="govuk-heading-l">{who}</h1>
      <UserSummary user={user.data} />
      {confirming ? (
        <div className="govuk-inset-text" role="group" aria-labelledby="confirm-title">
          <h2 className="govuk-heading-m" id="confirm-title">
            {ACTIONS[confirming].question(who)}
          </h2>
          <p className="govuk-body">{ACTIONS[confirming].consequence}</p>
          <div className="govuk-button-group">
            <button
              type="button"
              className={`govuk-button${confirming === 'disable' ? ' govuk-button--warning' : ''}`}
              data-module="govuk-button"
              disabled={update.isPending}
              onClick={() => void act(confirming)}
            >
              {ACTIONS[confirming].confirm}
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="govuk-button-group">
          {user.data.disabled ? (
            <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => setConfirming('enable')}>
              {ACTIONS.enable.button}
            </button>
          ) : (
            <button type="button" className="govuk-button govuk-button--warning" data-module="govuk-button" onClick={() => setConfirming('disable')}>
              {ACTIONS.disable.button}
            </button>
          )}
          <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => setConfirming('reset')}>
            {ACTIONS.reset.button}
          </button>
        </div>
      )}
      <p className="govuk-body">
        <Link to="/users" search={{}} className="govuk-link">
          Back to users
        </Link>
      </p>
    </>
  );
}

function UserSummary({ user }: { user: AdminUser }) {
  return (
    <SummaryList
      rows={[
        { key: 'Email address', value: user.email },
        { key: 'Name', value: user.displayName },
        { key: 'Role', value: ROLE_WORDS[user.role] ?? user.role },
        { key: 'Organisation', value: <OrganisationName user={user} /> },
        { key: 'Phone', value: user.phone },
        {
          key: 'Status',
          value: user.disabled ? <StatusTag status="disabled" words="Disabled" /> : <StatusTag status="active" words="Active" />,
        },
        { key: 'Disabled since', value: user.disabledAt ? formatDateTime(user.disabledAt) : undefined },
        { key: 'Must change password', value: user.mustChangePassword ? 'Yes: their password was reset' : 'No' },
        { key: 'Created', value: formatDateTime(user.createdAt) },
      ]}
    />
  );
}

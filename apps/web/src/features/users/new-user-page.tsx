import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { ErrorSummary } from '../../components/error-summary';
import { Radios, Select, TextInput } from '../../components/fields';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { ROLE_WORDS } from '../../lib/words';
import { localAuthoritiesQuery } from '../home/organisation';
import { useCreateUser, useUpdateUser } from './queries';
import { AlliancePicker, ProviderPicker } from './organisation-pickers';
import { TemporaryPassword } from './temporary-password';
import { newUserBody, newUserProblems, ORGANISATION_FIELD, ROLES, unusedPassword, type Role } from './users';

const FIELDS = {
  email: { id: 'user-email', label: 'Email address' },
  displayName: { id: 'user-displayName', label: 'Name' },
  role: { id: 'user-role', label: 'Role' },
  localAuthorityCode: { id: 'user-localAuthorityCode', label: 'Local authority' },
  providerId: { id: 'user-providerId', label: 'Provider' },
  allianceId: { id: 'user-allianceId', label: 'Alliance' },
};

const ROLE_HINTS: Record<Role, string> = {
  placement_officer: "Refers children and accepts offers for one local authority's placement team",
  provider_user: "Keeps one provider's homes and vacancies up to date and answers referrals",
  commissioner: "Reads one alliance's sufficiency and benchmarks, sets its matching weights",
  admin: 'Manages users, alliances and providers, and reads the audit trail',
};

interface Created {
  id: string;
  email: string;
  temporaryPassword?: string;
}

/** A new account, bound to the organisation its role needs; its temporary password is shown once. */
export function NewUserPage() {
  const form = useForm(FIELDS, { email: '', displayName: '', role: '', localAuthorityCode: '', providerId: '', allianceId: '' });
  const localAuthorities = useQuery(localAuthoritiesQuery());
  const create = useCreateUser();
  const update = useUpdateUser();
  const [created, setCreated] = useState<Created | null>(null);
  const field = ORGANISATION_FIELD[form.values.role as Role];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.refuse(newUserProblems(form.values))) return;
    let user;
    try {
      user = await create.mutateAsync(newUserBody(form.values, unusedPassword()));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) form.refuse([['email', 'A user with this email address already exists']]);
      else form.fail(error);
      return;
    }
    // The user exists now: a failed reset leaves it with a password nobody knows, reset from its page.
    const reset = await update.mutateAsync({ id: user.id, change: { resetPassword: true } }).catch(() => null);
    setCreated({ id: user.id, email: user.email, temporaryPassword: reset?.temporaryPassword });
  }

  if (created) {
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">User created</h1>
          <div className="govuk-panel__body">{created.email}</div>
        </div>
        {created.temporaryPassword ? (
          <TemporaryPassword password={created.temporaryPassword} who={created.email} />
        ) : (
          <p className="govuk-body">
            A temporary password could not be set. Open the user's page and reset their password to give them one.
          </p>
        )}
        <ul className="govuk-list">
          <li>
            <Link to="/users/$id" params={{ id: created.id }} className="govuk-link">
              View this user
            </Link>
          </li>
          <li>
            <Link to="/users" search={{}} className="govuk-link">
              Back to users
            </Link>
          </li>
        </ul>
      </>
    );
  }

  const sortedAuthorities = [...(localAuthorities.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} />
        <h1 className="govuk-heading-l">Create a user</h1>
        <form onSubmit={submit} noValidate>
          <TextInput {...form.input('email')} label={FIELDS.email.label} type="email" autoComplete="off" spellCheck={false} />
          <TextInput
            {...form.input('displayName')}
            label={`${FIELDS.displayName.label} (optional)`}
            hint="How others are shown this person, for example a provider receiving a child they placed"
            autoComplete="off"
          />
          <Radios
            {...form.choice('role')}
            legend={FIELDS.role.label}
            legendClass="govuk-fieldset__legend--m"
            options={ROLES.map((role) => ({ value: role, label: ROLE_WORDS[role], hint: ROLE_HINTS[role] }))}
          />
          {field === 'localAuthorityCode' ? (
            <Select {...form.input('localAuthorityCode')} label={FIELDS.localAuthorityCode.label} hint="The placement team they work in">
              <option value="">Choose a local authority</option>
              {sortedAuthorities.map((la) => (
                <option key={la.code} value={la.code}>
                  {la.name}
                </option>
              ))}
            </Select>
          ) : null}
          {field === 'providerId' ? <ProviderPicker {...form.choice('providerId')} /> : null}
          {field === 'allianceId' ? <AlliancePicker {...form.choice('allianceId')} /> : null}
          <SubmitButton busy={create.isPending || update.isPending}>Create user</SubmitButton>
        </form>
      </div>
    </div>
  );
}

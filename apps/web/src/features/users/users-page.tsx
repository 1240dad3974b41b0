import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/data-table';
import { Select, TextInput } from '../../components/fields';
import { Pagination } from '../../components/pagination';
import { StatusTag } from '../../components/status-tag';
import { ROLE_WORDS } from '../../lib/words';
import { LoadProblem } from '../provider/load-problem';
import { OrganisationName } from './organisation-name';
import { USERS_PAGE_SIZE, useUsers } from './queries';
import { ROLES, type Role } from './users';

const route = getRouteApi('/authed/users');

/** Every account on the service, by email: searchable by part of the email or name, filtered by role. */
export function UsersPage() {
  const { search, role, page = 1 } = route.useSearch();
  const navigate = route.useNavigate();
  const users = useUsers({ search, role, page });
  const [draft, setDraft] = useState({ search: search ?? '', role: role ?? '' });

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate({
      to: '/users',
      search: { search: draft.search.trim() || undefined, role: (draft.role || undefined) as Role | undefined, page: undefined },
    });
  }

  const filtered = Boolean(search || role);
  return (
    <>
      <h1 className="govuk-heading-l">Users</h1>
      <Link to="/users/new" className="govuk-button" data-module="govuk-button">
        Create a user
      </Link>
      <form onSubmit={submit} noValidate className="app-filter" role="search" aria-label="Users">
        <TextInput
          id="users-search"
          label="Search by email or name"
          labelClass="govuk-label--s"
          spellCheck={false}
          value={draft.search}
          onChange={(event) => setDraft({ ...draft, search: event.target.value })}
        />
        <Select id="users-role" label="Role" labelClass="govuk-label--s" value={draft.role} onChange={(event) => setDraft({ ...draft, role: event.target.value })}>
          <option value="">All roles</option>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_WORDS[value]}
            </option>
          ))}
        </Select>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Search
        </button>
      </form>
      <LoadProblem query={users} what="the users" />
      {users.data && users.data.items.length === 0 ? (
        <p className="govuk-body">{filtered ? 'No user matches this search.' : 'There are no users yet.'}</p>
      ) : null}
      {users.data && users.data.items.length > 0 ? (
        <>
          <DataTable
            caption={`${users.data.total} ${users.data.total === 1 ? 'user' : 'users'}${filtered ? ' found' : ''}`}
            captionClass="govuk-table__caption--s"
            columns={[
              { header: 'Email' },
              { header: 'Name' },
              { header: 'Role' },
              { header: 'Organisation' },
              { header: 'Status' },
              { header: 'Must change password' },
            ]}
            rows={users.data.items.map((user) => ({
              key: user.id,
              cells: [
                <Link to="/users/$id" params={{ id: user.id }} className="govuk-link app-break-anywhere">
                  {user.email}
                </Link>,
                user.displayName ?? '',
                ROLE_WORDS[user.role] ?? user.role,
                <OrganisationName user={user} />,
                user.disabled ? <StatusTag status="disabled" words="Disabled" /> : <StatusTag status="active" words="Active" />,
                user.mustChangePassword ? 'Yes' : 'No',
              ],
            }))}
          />
          <Pagination to="/users" page={page} pageSize={USERS_PAGE_SIZE} total={users.data.total} />
        </>
      ) : null}
    </>
  );
}

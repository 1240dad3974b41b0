import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/data-table';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { NotificationBanner } from '../../components/notification-banner';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { LoadProblem } from '../provider/load-problem';
import { failBeside } from './conflict';
import { MembersFieldset } from './members-fieldset';
import { type Alliance, allianceQuery, alliancesQuery, type NewAlliance, useCreateAlliance, useUpdateAlliance } from './queries';

const allianceRoute = getRouteApi('/authed/alliances/$allianceId');

/** Every alliance on the platform, with its members. */
export function AlliancesPage() {
  const alliances = useQuery(alliancesQuery());
  return (
    <>
      <h1 className="govuk-heading-l">Alliances</h1>
      <p className="govuk-body">
        Local authorities commissioning together: each alliance has its own matching weights, block contracts and sufficiency
        picture, and its commissioners see only theirs.
      </p>
      <Link to="/alliances/new" className="govuk-button" data-module="govuk-button">
        Create an alliance
      </Link>
      <LoadProblem query={alliances} what="the alliances" />
      {alliances.data && alliances.data.items.length === 0 ? <p className="govuk-body">There are no alliances yet.</p> : null}
      {alliances.data && alliances.data.items.length > 0 ? (
        <DataTable
          caption={`${alliances.data.total} ${alliances.data.total === 1 ? 'alliance' : 'alliances'}`}
          captionClass="govuk-table__caption--s"
          columns={[{ header: 'Alliance' }, { header: 'Members', numeric: true }, { header: 'Local authorities' }]}
          rows={alliances.data.items.map((alliance) => ({
            key: alliance.id,
            cells: [
              <Link to="/alliances/$allianceId" params={{ allianceId: alliance.id }} className="govuk-link">
                {alliance.name}
              </Link>,
              alliance.memberCount,
              alliance.localAuthorities.map((la) => la.name).join(', '),
            ],
          }))}
        />
      ) : null}
    </>
  );
}

export function NewAlliancePage() {
  const create = useCreateAlliance();
  const navigate = useNavigate();
  return (
    <>
      <Link to="/alliances" className="govuk-back-link">
        Back to alliances
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Create an alliance</h1>
          <AllianceForm
            submitLabel="Create alliance"
            busy={create.isPending}
            save={async (body) => {
              const alliance = await create.mutateAsync(body);
              await navigate({ to: '/alliances/$allianceId', params: { allianceId: alliance.id } });
            }}
          />
        </div>
      </div>
    </>
  );
}

/** One alliance: its members, and a form to rename it or change them. */
export function AlliancePage() {
  const { allianceId } = allianceRoute.useParams();
  const alliance = useQuery(allianceQuery(allianceId));
  const update = useUpdateAlliance(allianceId);
  /** After a save: how many referrals are being matched again because LAs joined or left. */
  const [saved, setSaved] = useState<number | null>(null);
  return (
    <>
      <Link to="/alliances" className="govuk-back-link">
        Back to alliances
      </Link>
      <LoadProblem query={alliance} what="this alliance" />
      {alliance.data ? (
        <>
          {saved !== null ? (
            <NotificationBanner success heading="The alliance was saved">
              {saved > 0 ? (
                <p className="govuk-body">
                  {saved} {saved === 1 ? 'referral' : 'referrals'} awaiting placement in the local authorities that joined or left
                  {saved === 1 ? ' is' : ' are'} being matched again with the weights of {saved === 1 ? 'its' : 'their'} alliance.
                </p>
              ) : null}
            </NotificationBanner>
          ) : null}
          <h1 className="govuk-heading-l">{alliance.data.name}</h1>
          <MembersTable alliance={alliance.data} />
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h2 className="govuk-heading-m">Change the alliance</h2>
              <AllianceForm
                key={alliance.data.id}
                alliance={alliance.data}
                submitLabel="Save changes"
                busy={update.isPending}
                save={async (body) => {
                  setSaved(null);
                  setSaved((await update.mutateAsync(body)).rematched);
                }}
              />
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}

function MembersTable({ alliance }: { alliance: Alliance }) {
  return (
    <DataTable
      caption={`${alliance.memberCount} member ${alliance.memberCount === 1 ? 'local authority' : 'local authorities'}`}
      columns={[{ header: 'Local authority' }, { header: 'Region' }, { header: 'GSS code' }]}
      rows={alliance.localAuthorities.map((la) => ({ key: la.code, cells: [la.name, la.region, la.code] }))}
    />
  );
}

const FIELDS = {
  name: { id: 'alliance-name', label: 'Alliance name' },
  localAuthorityCodes: { id: 'alliance-members', label: 'Member local authorities' },
};

/** An alliance's name and members, as created or changed; the api's refusals beside their fields. */
function AllianceForm({
  alliance,
  submitLabel,
  busy,
  save,
}: {
  alliance?: Alliance;
  submitLabel: string;
  busy: boolean;
  save: (body: NewAlliance) => Promise<void>;
}) {
  const form = useForm(FIELDS, { name: alliance?.name ?? '', localAuthorityCodes: '' });
  const [members, setMembers] = useState<string[]>(alliance?.localAuthorityCodes ?? []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = form.values.name.trim();
    const refused = form.refuse([
      ...(name ? [] : [['name', 'Enter a name for the alliance'] as ['name', string]]),
      ...(members.length > 0 ? [] : [['localAuthorityCodes', 'Choose at least one local authority'] as ['localAuthorityCodes', string]]),
    ]);
    if (refused) return;
    try {
      await save({ name, localAuthorityCodes: members });
    } catch (error) {
      failBeside(form, error, { href: FIELDS.name.id, text: 'Name is already used by another alliance: choose another' });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={form.errors} />
      <TextInput {...form.input('name')} label="Alliance name" labelClass="govuk-label--s" hint="For example, West London Alliance" />
      <MembersFieldset id={FIELDS.localAuthorityCodes.id} values={members} onChange={setMembers} error={form.problem('localAuthorityCodes')} />
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
    </form>
  );
}

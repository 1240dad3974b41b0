import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/data-table';
import { ErrorSummary } from '../../components/error-summary';
import { Radios, TextInput } from '../../components/fields';
import { NotificationBanner } from '../../components/notification-banner';
import { Pagination } from '../../components/pagination';
import { SubmitButton } from '../../components/submit-button';
import { SummaryList } from '../../components/summary-list';
import { useForm } from '../../components/use-form';
import { ofstedWords, placementTypeWords, SECTOR_WORDS } from '../../lib/words';
import { useLaName } from '../provider/use-la-name';
import { LoadProblem } from '../provider/load-problem';
import { failBeside } from './conflict';
import { type NewProvider, providerQuery, providerSettingsQuery, PROVIDERS_PAGE_SIZE, useCreateProvider, useProviders, useUpdateProvider } from './queries';

const listRoute = getRouteApi('/authed/providers');
const providerRoute = getRouteApi('/authed/providers/$providerId');

/** Every provider on the platform, a page at a time, searchable by name or Ofsted URN. */
export function ProvidersPage() {
  const { search, page = 1 } = listRoute.useSearch();
  const providers = useProviders(search, page);
  const navigate = useNavigate();
  const [draft, setDraft] = useState(search ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate({ to: '/providers', search: { search: draft.trim() || undefined, page: undefined } });
  }

  return (
    <>
      <h1 className="govuk-heading-l">Providers</h1>
      <p className="govuk-body">
        Fostering agencies, children's homes, schools and councils' own provision. Link each to its registration on Ofsted's
        register so its grade and record follow it.
      </p>
      <Link to="/providers/new" className="govuk-button" data-module="govuk-button">
        Register a provider
      </Link>
      <form onSubmit={submit} noValidate className="app-filter" role="search">
        <TextInput
          id="provider-search"
          label="Search by name or Ofsted URN"
          labelClass="govuk-label--s"
          className="govuk-input--width-20"
          spellCheck={false}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Search
        </button>
      </form>
      <LoadProblem query={providers} what="the providers" />
      {providers.data && providers.data.items.length === 0 ? (
        <p className="govuk-body">{search ? `No provider's name or Ofsted URN matches “${search}”.` : 'There are no providers yet.'}</p>
      ) : null}
      {providers.data && providers.data.items.length > 0 ? (
        <>
          <DataTable
            caption={`${providers.data.total.toLocaleString('en-GB')} ${providers.data.total === 1 ? 'provider' : 'providers'}${search ? ` matching “${search}”` : ''}`}
            captionClass="govuk-table__caption--s"
            columns={[{ header: 'Provider' }, { header: 'Sector' }, { header: 'Ofsted URNs' }, { header: 'Settings', numeric: true }]}
            rows={providers.data.items.map((provider) => ({
              key: provider.id,
              cells: [
                <Link to="/providers/$providerId" params={{ providerId: provider.id }} search={{}} className="govuk-link">
                  {provider.name}
                </Link>,
                SECTOR_WORDS[provider.sector] ?? provider.sector,
                provider.ofstedUrns.length > 0 ? provider.ofstedUrns.join(', ') : 'None',
                provider.settingCount,
              ],
            }))}
          />
          <Pagination to="/providers" page={page} pageSize={PROVIDERS_PAGE_SIZE} total={providers.data.total} />
        </>
      ) : null}
    </>
  );
}

const NEW_FIELDS = {
  name: { id: 'provider-name', label: 'Provider name' },
  sector: { id: 'provider-sector', label: 'Sector' },
};
const SECTOR_OPTIONS = Object.entries(SECTOR_WORDS).map(([value, label]) => ({ value, label }));

export function NewProviderPage() {
  const form = useForm(NEW_FIELDS, { name: '', sector: '' });
  const create = useCreateProvider();
  const navigate = useNavigate();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = form.values.name.trim();
    const refused = form.refuse([
      ...(name ? [] : [['name', 'Enter the provider’s name'] as ['name', string]]),
      ...(form.values.sector ? [] : [['sector', 'Choose the provider’s sector'] as ['sector', string]]),
    ]);
    if (refused) return;
    try {
      const provider = await create.mutateAsync({ name, sector: form.values.sector as NewProvider['sector'] });
      await navigate({ to: '/providers/$providerId', params: { providerId: provider.id }, search: { created: true } });
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <>
      <Link to="/providers" className="govuk-back-link">
        Back to providers
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Register a provider</h1>
          <form onSubmit={submit} noValidate>
            <ErrorSummary errors={form.errors} />
            <TextInput
              {...form.input('name')}
              label="Provider name"
              labelClass="govuk-label--s"
              hint="As the organisation is registered, for example Oakfield Care Ltd"
              autoComplete="organization"
            />
            <Radios {...form.choice('sector')} legend="Sector" options={SECTOR_OPTIONS} />
            <p className="govuk-body">You can link its Ofsted URN on the next page.</p>
            <SubmitButton busy={create.isPending}>Register provider</SubmitButton>
          </form>
        </div>
      </div>
    </>
  );
}

/** One provider: what the platform holds of it, its settings, and its Ofsted registration. */
export function ProviderPage() {
  const { providerId } = providerRoute.useParams();
  const { created } = providerRoute.useSearch();
  const provider = useQuery(providerQuery(providerId));
  const settings = useQuery(providerSettingsQuery(providerId));
  const laName = useLaName();
  const [linked, setLinked] = useState<string | null>(null);
  return (
    <>
      <Link to="/providers" className="govuk-back-link">
        Back to providers
      </Link>
      <LoadProblem query={provider} what="this provider" />
      {provider.data ? (
        <>
          {linked ? <NotificationBanner success heading={`Ofsted URN ${linked} is linked to this provider`} /> : null}
          {created && !linked ? <NotificationBanner success heading="The provider was registered" /> : null}
          <h1 className="govuk-heading-l">{provider.data.name}</h1>
          <SummaryList
            rows={[
              { key: 'Sector', value: SECTOR_WORDS[provider.data.sector] ?? provider.data.sector },
              { key: 'Ofsted URN', value: provider.data.ofstedUrn ?? 'Not linked' },
            ]}
          />
          <LoadProblem query={settings} what="its settings" />
          {settings.data && settings.data.length === 0 ? <p className="govuk-body">It has no settings yet.</p> : null}
          {settings.data && settings.data.length > 0 ? (
            <DataTable
              caption={`${settings.data.length} ${settings.data.length === 1 ? 'setting' : 'settings'}`}
              columns={[
                { header: 'Setting' },
                { header: 'Type' },
                { header: 'Ofsted URN' },
                { header: 'Ofsted grade' },
                { header: 'Local authority' },
                { header: 'Places', numeric: true },
              ]}
              rows={settings.data.map((setting) => ({
                key: setting.id,
                cells: [
                  setting.name,
                  placementTypeWords(setting.placementType),
                  setting.ofstedUrn ?? 'None',
                  ofstedWords(setting.ofstedGrade),
                  setting.localAuthorityCode ? laName(setting.localAuthorityCode) : setting.postcodeDistrict,
                  setting.registeredPlaces,
                ],
              }))}
            />
          ) : null}
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <OfstedLinkForm providerId={providerId} current={provider.data.ofstedUrn} onLinked={setLinked} />
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}

const LINK_FIELDS = { ofstedUrn: { id: 'provider-ofsted-urn', label: 'Ofsted URN' } };

function OfstedLinkForm({ providerId, current, onLinked }: { providerId: string; current?: string; onLinked: (urn: string) => void }) {
  const form = useForm(LINK_FIELDS, { ofstedUrn: '' });
  const link = useUpdateProvider(providerId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ofstedUrn = form.values.ofstedUrn.trim();
    if (form.refuse(ofstedUrn ? [] : [['ofstedUrn', 'Enter the Ofsted URN, for example SC123456']])) return;
    try {
      const provider = await link.mutateAsync({ ofstedUrn });
      form.set('ofstedUrn', '');
      form.setErrors([]);
      onLinked(provider.ofstedUrn ?? ofstedUrn);
    } catch (error) {
      failBeside(form, error, { href: LINK_FIELDS.ofstedUrn.id, text: 'Ofsted URN is already linked to another provider or its homes' });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <h2 className="govuk-heading-m">{current ? 'Change its Ofsted URN' : 'Link an Ofsted URN'}</h2>
      <ErrorSummary errors={form.errors} />
      <TextInput
        {...form.input('ofstedUrn')}
        label="Ofsted URN"
        labelClass="govuk-label--s"
        hint="The unique reference number of the provider's own registration on Ofsted's register of children's social care providers, for example SC123456"
        className="govuk-input--width-10"
        spellCheck={false}
      />
      <SubmitButton busy={link.isPending}>Link Ofsted URN</SubmitButton>
    </form>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Radios, Select, TextInput } from '../../components/fields';
import { alliancesQuery, useProviders } from '../organisations/queries';

/** Matches shown at once: enough to tell similar names apart, few enough to read. */
const SHOWN = 10;

interface PickerProps {
  /** The field's id: the search box takes it, so the error summary's link lands where the admin types. */
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * A provider found by part of its name or Ofsted URN, then chosen from the matches as radios:
 * England has thousands of providers, too many for one list.
 */
export function ProviderPicker({ id, value, onChange, error }: PickerProps) {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const providers = useProviders(deferred || undefined, 1);
  const matches = deferred ? (providers.data?.items ?? []).slice(0, SHOWN) : [];
  const total = providers.data?.total ?? 0;
  return (
    <>
      <TextInput
        id={id}
        label="Find the provider"
        labelClass="govuk-label--m"
        hint="Type part of the provider's name or its Ofsted URN, then choose it below"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        error={error}
        autoComplete="off"
        spellCheck={false}
      />
      <div aria-live="polite">
        {deferred && providers.data && matches.length === 0 ? <p className="govuk-body">No provider matches “{deferred}”.</p> : null}
        {matches.length > 0 ? (
          <Radios
            id={`${id}-choice`}
            legend={total > SHOWN ? `The first ${SHOWN} of ${total} matches: type more to narrow them` : 'Matching providers'}
            legendClass="govuk-fieldset__legend--s"
            value={value}
            onChange={onChange}
            options={matches.map((provider) => ({
              value: provider.id,
              label: provider.name,
              hint: [provider.ofstedUrns.length ? `Ofsted URN ${provider.ofstedUrns.slice(0, 3).join(', ')}` : null, `${provider.settingCount} homes or services`]
                .filter(Boolean)
                .join(' · '),
            }))}
          />
        ) : null}
      </div>
    </>
  );
}

/** The alliance a commissioner works for, from every alliance (there are a few dozen). */
export function AlliancePicker({ id, value, onChange, error }: PickerProps) {
  const alliances = useQuery(alliancesQuery());
  return (
    <Select id={id} label="Alliance" hint="The alliance whose sufficiency they read" value={value} onChange={(event) => onChange(event.target.value)} error={error}>
      <option value="">Choose an alliance</option>
      {(alliances.data?.items ?? []).map((alliance) => (
        <option key={alliance.id} value={alliance.id}>
          {alliance.name}
        </option>
      ))}
    </Select>
  );
}

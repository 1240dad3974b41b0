import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Checkbox, Fieldset, TextInput } from '../../components/fields';
import { localAuthoritiesQuery } from '../home/organisation';

interface LocalAuthority {
  code: string;
  name: string;
  region: string;
}

/** LAs by region, then name: the order the picker shows them in. */
export function byRegion(authorities: LocalAuthority[]): [string, LocalAuthority[]][] {
  const regions = new Map<string, LocalAuthority[]>();
  for (const la of [...authorities].sort((a, b) => a.region.localeCompare(b.region) || a.name.localeCompare(b.name))) {
    regions.set(la.region, [...(regions.get(la.region) ?? []), la]);
  }
  return [...regions];
}

/**
 * An alliance's member LAs: England's 153, as checkboxes by region, with a box that narrows them
 * by name. An LA chosen at any time on this form stays shown whatever is typed, so none is dropped
 * unseen and one just unticked does not vanish from under the pointer.
 */
export function MembersFieldset({
  id,
  values,
  onChange,
  error,
}: {
  id: string;
  values: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  const authorities = useQuery(localAuthoritiesQuery());
  const [filter, setFilter] = useState('');
  const [kept, setKept] = useState(() => new Set(values));
  const headingId = useId();
  const wanted = filter.trim().toLowerCase();
  const shown = (la: LocalAuthority) => !wanted || kept.has(la.code) || la.name.toLowerCase().includes(wanted);
  const toggle = (code: string, on: boolean) => {
    if (on) setKept(new Set([...kept, code]));
    onChange(on ? [...values, code] : values.filter((value) => value !== code));
  };
  const regions = byRegion(authorities.data ?? [])
    .map(([region, las]) => [region, las.filter(shown)] as const)
    .filter(([, las]) => las.length > 0);

  return (
    <Fieldset
      id={id}
      anchor
      legend="Member local authorities"
      legendClass="govuk-fieldset__legend--m"
      hint={`Choose at least one. ${values.length} chosen.`}
      error={error}
    >
      <TextInput
        id={`${id}-filter`}
        label="Find a local authority by name"
        className="govuk-input--width-20"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        spellCheck={false}
      />
      {authorities.isPending ? <p className="govuk-body">Loading local authorities…</p> : null}
      {authorities.data && regions.length === 0 ? <p className="govuk-body">No local authority is called that.</p> : null}
      {regions.map(([region, las], index) => (
        <div key={region} role="group" aria-labelledby={`${headingId}-${index}`}>
          <h3 className="govuk-heading-s govuk-!-margin-top-4 govuk-!-margin-bottom-2" id={`${headingId}-${index}`}>
            {region}
          </h3>
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {las.map((la) => (
              <Checkbox
                key={la.code}
                id={`${id}-${la.code}`}
                name={id}
                value={la.code}
                label={la.name}
                checked={values.includes(la.code)}
                onChange={(event) => toggle(la.code, event.target.checked)}
              />
            ))}
          </div>
        </div>
      ))}
    </Fieldset>
  );
}

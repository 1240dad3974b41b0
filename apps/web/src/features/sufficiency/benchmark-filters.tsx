import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { Select } from '../../components/fields';
import { placementTypeWords, SETTING_PLACEMENT_TYPES } from '../../lib/words';
import { SECTOR_FILTER_WORDS, type BenchmarkSearch, type BenchmarkSector } from './benchmarks';

/**
 * The benchmarks' filters as a GOV.UK form: applying it puts them in the page's address, so a
 * filtered view can be bookmarked and shared. `las` are the LAs the alliance's providers have homes in.
 */
export function BenchmarkFilters({ search, las, laName }: { search: BenchmarkSearch; las: string[]; laName: (code: string) => string }) {
  const navigate = useNavigate();
  const [placementType, setPlacementType] = useState(search.placementType ?? '');
  const [sector, setSector] = useState<string>(search.sector ?? '');
  const [la, setLa] = useState(search.la ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate({
      to: '/sufficiency/providers',
      search: { placementType: (placementType || undefined) as BenchmarkSearch['placementType'], sector: (sector || undefined) as BenchmarkSector | undefined, la: la || undefined },
    });
  }

  const laOptions = [...new Set([...las, ...(search.la ? [search.la] : [])])].sort((a, b) => laName(a).localeCompare(laName(b), 'en-GB'));
  return (
    <form onSubmit={submit} noValidate aria-label="Filter providers" className="govuk-!-margin-bottom-4">
      <div className="app-filter">
        <Select id="placementType" label="Placement type" value={placementType} onChange={(event) => setPlacementType(event.target.value)}>
          <option value="">Any type</option>
          {SETTING_PLACEMENT_TYPES.map((code) => (
            <option key={code} value={code}>
              {placementTypeWords(code)}
            </option>
          ))}
        </Select>
        <Select id="sector" label="Sector" value={sector} onChange={(event) => setSector(event.target.value)}>
          <option value="">Any sector</option>
          {Object.entries(SECTOR_FILTER_WORDS).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </Select>
        <Select id="la" label="Local authority of its homes" value={la} onChange={(event) => setLa(event.target.value)}>
          <option value="">Any local authority</option>
          {laOptions.map((code) => (
            <option key={code} value={code}>
              {laName(code)}
            </option>
          ))}
        </Select>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
      </div>
      {search.placementType || search.sector || search.la ? (
        <p className="govuk-body">
          <Link to="/sufficiency/providers" search={{}} className="govuk-link">
            Clear filters
          </Link>
        </p>
      ) : null}
    </form>
  );
}

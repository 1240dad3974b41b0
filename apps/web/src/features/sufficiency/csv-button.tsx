import { CsvButton } from '../../components/csv-button';
import { downloadCsv } from '../../lib/download';
import { csvFileName, type Period } from './period';

/** A CSV route of the api for the alliance and a period, named by what it is and the period. */
export function PeriodCsvButton({ label, path, what, allianceId, period }: { label: string; path: string; what: string; allianceId: string; period: Period }) {
  return <CsvButton label={label} download={() => downloadCsv(`${path}?${new URLSearchParams({ allianceId, ...period })}`, csvFileName(what, period))} />;
}

import { useState } from 'react';
import { downloadCsv } from '../../lib/download';
import { csvFileName, type Period } from './period';

/** A secondary button that saves a CSV file, saying so beside it when the download fails. */
export function CsvButton({ label, download }: { label: string; download: () => Promise<void> | void }) {
  const [failed, setFailed] = useState(false);
  return (
    <>
      {failed ? <p className="govuk-error-message">The download failed. Try again.</p> : null}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          setFailed(false);
          Promise.resolve()
            .then(download)
            .catch(() => setFailed(true));
        }}
      >
        {label}
      </button>
    </>
  );
}

/** A CSV route of the api for the alliance and a period, named by what it is and the period. */
export function PeriodCsvButton({ label, path, what, allianceId, period }: { label: string; path: string; what: string; allianceId: string; period: Period }) {
  return <CsvButton label={label} download={() => downloadCsv(`${path}?${new URLSearchParams({ allianceId, ...period })}`, csvFileName(what, period))} />;
}

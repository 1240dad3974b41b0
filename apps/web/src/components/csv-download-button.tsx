import { useState } from 'react';
import { downloadCsv } from '../lib/download';

/** A secondary button that downloads a CSV route of the api (through fetch, so the token is sent), saying so when it fails. */
export function CsvDownloadButton({ label, path, filename }: { label: string; path: string; filename: string }) {
  const [failed, setFailed] = useState(false);
  return (
    <>
      {failed ? <p className="govuk-error-message">The download failed. Try again.</p> : null}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          setFailed(false);
          downloadCsv(path, filename).catch(() => setFailed(true));
        }}
      >
        {label}
      </button>
    </>
  );
}

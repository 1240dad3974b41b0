import { useState } from 'react';

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

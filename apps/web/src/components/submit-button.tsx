import type { ReactNode } from 'react';

/** A form's one primary action; disabled while the request is in flight, so it is sent once. */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
      {children}
    </button>
  );
}

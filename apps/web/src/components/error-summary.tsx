import { useEffect, useRef } from 'react';

export interface FieldError {
  /**
   * The id of the input the message belongs to: the summary links to it. A problem with the whole
   * form (the referral was placed meanwhile) has none and is shown as plain text.
   */
  href?: string;
  text: string;
}

/** GOV.UK error summary: focused when it appears, each problem a link to its field. */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: FieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.href ?? ''}${error.text}`}>
                {error.href ? (
                  <a
                    href={`#${error.href}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(error.href!)?.focus();
                    }}
                  >
                    {error.text}
                  </a>
                ) : (
                  error.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * GOV.UK notification banner. `success` after something the user did (focused, so a screen reader
 * hears it); otherwise important news about the page.
 */
export function NotificationBanner({
  title,
  heading,
  children,
  success = false,
}: {
  title?: string;
  heading: ReactNode;
  children?: ReactNode;
  success?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success]);
  const titleId = `banner-title-${success ? 'success' : 'important'}`;
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={ref}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}

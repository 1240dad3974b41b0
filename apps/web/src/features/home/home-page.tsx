import { Navigate } from '@tanstack/react-router';
import { useUser } from '../auth/use-session';

/** Each role's start page. */
export function HomePage() {
  const user = useUser();
  if (user?.role === 'placement_officer') return <Navigate to="/referrals" />;
  if (user?.role === 'provider_user') return <Navigate to="/inbox" />;
  if (user?.role === 'commissioner') return <Navigate to="/sufficiency" search={{}} />;
  return (
    <>
      <h1 className="govuk-heading-l">Placement matching</h1>
      <p className="govuk-body">
        Users, the audit trail, the queue dashboard, alliances and providers are in the menu above. The API and its
        documentation are at <a className="govuk-link" href="/docs">/docs</a>.
      </p>
    </>
  );
}

export function NotFoundPage() {
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
    </>
  );
}

/** What a page that failed shows: GOV.UK's "Sorry, there is a problem", never a stack trace. */
export function ProblemPage({ reset }: { reset?: () => void }) {
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with this page</h1>
      <p className="govuk-body">Nothing you sent has been lost. Try again, or go back to your start page.</p>
      <div className="govuk-button-group">
        {reset ? (
          <button type="button" className="govuk-button" onClick={reset}>
            Try again
          </button>
        ) : null}
        <a className="govuk-link" href="/">
          Go to your start page
        </a>
      </div>
    </>
  );
}

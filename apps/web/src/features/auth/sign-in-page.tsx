import { useNavigate, useSearch } from '@tanstack/react-router';
import { SignInForm } from './sign-in-form';

export function SignInPage() {
  const navigate = useNavigate();
  const { next } = useSearch({ from: '/sign-in' });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">
          Placement teams, providers and commissioners of the alliance sign in with the account their organisation gave
          them.
        </p>
        <SignInForm
          onSignedIn={() => {
            // Only paths inside the app: never an address another site put in the link.
            const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
            void navigate({ to: target });
          }}
        />
      </div>
    </div>
  );
}

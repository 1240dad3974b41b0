import { useNavigate, useSearch } from '@tanstack/react-router';
import { safeNext } from './password-gate';
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
          onSignedIn={() => void navigate({ to: safeNext(next) })}
        />
      </div>
    </div>
  );
}

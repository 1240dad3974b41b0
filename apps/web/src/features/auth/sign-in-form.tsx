import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { session, type SessionUser } from '../../api/session';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { TextInput } from '../../components/fields';

const DISABLED = 'This account is disabled';

/** Email and password; on success the session starts and `onSignedIn` gets the user. */
export function SignInForm({
  defaultEmail = '',
  onSignedIn,
  idPrefix = 'sign-in',
}: {
  defaultEmail?: string;
  onSignedIn: (user: SessionUser) => void;
  idPrefix?: string;
}) {
  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const emailId = `${idPrefix}-email`;
  const passwordId = `${idPrefix}-password`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!email.trim()) problems.push({ href: emailId, text: 'Enter your email address' });
    if (!password) problems.push({ href: passwordId, text: 'Enter your password' });
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const answer = await unwrap(api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } }));
      session.start(answer.accessToken, answer.expiresIn, answer.user as SessionUser);
      setPassword('');
      onSignedIn(answer.user as SessionUser);
    } catch (error) {
      // The api says an account is disabled only to someone who gave its right password.
      const text =
        error instanceof ApiError && error.status === 401 && error.body.message === DISABLED
          ? 'This account has been disabled: ask your administrator to enable it again'
          : error instanceof ApiError && error.status === 401
          ? 'Enter the email address and password of an account on this service'
          : error instanceof ApiError && error.status === 429
            ? // The api says how long: a minute for an address, up to 15 for an account.
              `${error.body.message || 'Too many sign-in attempts'}, then try again`
            : 'Sign-in is not available at the moment: try again';
      setErrors([{ href: emailId, text }]);
    } finally {
      setBusy(false);
    }
  }

  const problem = (id: string) => errors.find((error) => error.href === id)?.text;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <TextInput
        id={emailId}
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={problem(emailId)}
      />
      <TextInput
        id={passwordId}
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={problem(passwordId)}
      />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}

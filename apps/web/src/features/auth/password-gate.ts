/** Where a user goes to choose a new password; while they must, every other page sends them here. */
export const CHANGE_PASSWORD_PATH = '/account/password';

/** Only paths inside the app: never an address another site put in a link. */
export function safeNext(next: string | undefined, fallback = '/'): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

/** Whether a user asking for `pathname` is to be sent to choose a new password first. */
export function mustChangePasswordFirst(user: { mustChangePassword?: boolean } | null | undefined, pathname: string): boolean {
  return Boolean(user?.mustChangePassword) && pathname !== CHANGE_PASSWORD_PATH;
}

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The checks made before sending, as the api makes them, and that the new password was typed twice alike. */
export function passwordProblems(values: PasswordValues): [keyof PasswordValues, string][] {
  const problems: [keyof PasswordValues, string][] = [];
  if (!values.currentPassword) problems.push(['currentPassword', 'Enter your current password']);
  if (values.newPassword.length < 12) problems.push(['newPassword', 'Enter a new password of at least 12 characters']);
  else if (values.newPassword === values.currentPassword) problems.push(['newPassword', 'Enter a new password that differs from your current one']);
  if (values.confirmPassword !== values.newPassword) problems.push(['confirmPassword', 'Enter the same new password again']);
  return problems;
}

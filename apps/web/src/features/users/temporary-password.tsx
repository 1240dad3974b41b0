/**
 * A temporary password, shown this once: it lives only in the page's memory, never in storage, and
 * the api will not answer it again.
 */
export function TemporaryPassword({ password, who }: { password: string; who: string }) {
  return (
    <>
      <section className="govuk-inset-text" aria-labelledby="temporary-password-title">
        <h2 className="govuk-heading-s govuk-!-margin-bottom-2" id="temporary-password-title">
          Temporary password
        </h2>
        <p className="govuk-body govuk-!-font-size-24 govuk-!-margin-bottom-0">
          <code className="app-temporary-password">{password}</code>
        </p>
      </section>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          This password will not be shown again. Give it to {who} in person or by phone, not by email. They must choose
          a new password when they sign in with it.
        </strong>
      </div>
    </>
  );
}

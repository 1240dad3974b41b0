import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../../components/error-summary';
import { CheckAnswers } from './form/check-answers';
import { useReferralForm } from './form/use-referral-form';
import type { Kind } from './referral-draft';

/**
 * The referral form. One Idempotency-Key per form, kept with the draft: a double click, a retry
 * after a network error or a reload sends the same key, so the api makes one referral.
 */
export function ReferralForm({ kind }: { kind: Kind }) {
  const { draft, steps, step, checking, sending, failure, stepErrors, set, problem, goTo, next, send, startAgain } = useReferralForm(kind);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [draft.step]);

  const caption = kind === 'emergency' ? 'Emergency referral' : 'New referral';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {draft.step > 0 ? (
          <a
            href="#"
            className="govuk-back-link"
            onClick={(event) => {
              event.preventDefault();
              goTo(draft.step - 1);
            }}
          >
            Back
          </a>
        ) : null}
        {failure ? (
          <div className="govuk-error-summary" role="alert">
            <h2 className="govuk-error-summary__title">The referral was not sent</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{failure}</p>
            </div>
          </div>
        ) : null}
        <ErrorSummary errors={stepErrors} />
        <span className="govuk-caption-l">
          {caption}: step {Math.min(draft.step + 1, steps.length + 1)} of {steps.length + 1}
        </span>
        <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
          {checking ? 'Check the referral, then send it' : step.title}
        </h1>
        {kind === 'emergency' && draft.step === 0 ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              An emergency is matched ahead of all other work, against beds ready for an emergency today.
            </strong>
          </div>
        ) : null}
        {checking ? (
          <form onSubmit={send} noValidate>
            <CheckAnswers values={draft.values} steps={steps} onChange={goTo} />
            <button type="submit" className="govuk-button" disabled={sending} aria-disabled={sending}>
              {sending ? 'Sending…' : kind === 'emergency' ? 'Send emergency referral' : 'Send referral'}
            </button>
          </form>
        ) : (
          <form onSubmit={next} noValidate>
            {step.render({ values: draft.values, set, problem, kind })}
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button">
                Continue
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={startAgain}>
                Start again
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}

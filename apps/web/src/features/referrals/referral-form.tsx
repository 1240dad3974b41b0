import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorSummary } from '../../components/error-summary';
import { clearDraft, loadDraft, saveDraft } from '../../lib/draft';
import { CheckAnswers } from './form/check-answers';
import { STEPS, type StepProps } from './form/steps';
import { checkValues, fieldId, type Draft, type Kind, newDraft, toRequest } from './referral-draft';

/**
 * The referral form. One Idempotency-Key per form, kept with the draft: a double click, a retry
 * after a network error or a reload sends the same key, so the api makes one referral.
 */
export function ReferralForm({ kind }: { kind: Kind }) {
  const draftName = `referral-${kind}`;
  const [draft, setDraft] = useState<Draft>(() => {
    const saved = loadDraft<Draft>(draftName);
    // A draft from before dates were typed in three boxes is started again.
    return saved && typeof saved.values.dateOfBirth === 'object' ? saved : newDraft(kind);
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const steps = STEPS[kind];
  const checking = draft.step >= steps.length;
  const step = steps[Math.min(draft.step, steps.length - 1)];

  useEffect(() => saveDraft(draftName, draft), [draftName, draft]);
  useEffect(() => heading.current?.focus(), [draft.step]);

  const set: StepProps['set'] = (key, value) => setDraft((current) => ({ ...current, values: { ...current.values, [key]: value } }));
  const goTo = (index: number) => setDraft((current) => ({ ...current, step: index }));
  // `child.needs[0].level` belongs beside the needs question.
  const problem = (field: string) =>
    problems[field] ?? Object.entries(problems).find(([key]) => key.startsWith(`${field}[`) || key.startsWith(`${field}.`))?.[1];

  function next(event: FormEvent) {
    event.preventDefault();
    const found = checkValues(draft.values, step.fields);
    setProblems(found);
    if (Object.keys(found).length === 0) goTo(draft.step + 1);
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (sending) return; // a second click while the first is on its way
    const found = checkValues(draft.values, steps.flatMap((each) => each.fields));
    if (Object.keys(found).length > 0) return showProblems(found);
    setSending(true);
    setFailure(null);
    try {
      const referral = await unwrap(
        api.POST('/api/v1/referrals', {
          params: { header: { 'Idempotency-Key': draft.idempotencyKey } },
          body: toRequest(draft.values),
        }),
      );
      clearDraft(draftName);
      await queryClient.invalidateQueries({ queryKey: ['referrals'] });
      void navigate({ to: '/referrals/$referralId', params: { referralId: referral.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.body.details?.length) {
        showProblems(Object.fromEntries(error.body.details.map((detail) => [detail.field, detail.problem])));
      } else if (error instanceof ApiError && error.status === 409) {
        setFailure('This form was already used for another referral. Start a new referral to send this one.');
      } else if (error instanceof ApiError && error.status === 401) {
        setFailure('Sign in again, then send the referral: nothing you typed is lost.');
      } else {
        setFailure('The referral could not be sent. Check your connection and send it again: it will not be sent twice.');
      }
    } finally {
      setSending(false);
    }
  }

  /** The server's problems by field: back to the first step that asks for one of them. */
  function showProblems(found: Record<string, string>) {
    setProblems(found);
    const first = steps.findIndex((each) => Object.keys(found).some((field) => each.fields.some((own) => field.startsWith(own))));
    goTo(first >= 0 ? first : 0);
  }

  function startAgain() {
    clearDraft(draftName);
    setProblems({});
    setDraft(newDraft(kind));
  }

  const stepErrors = Object.entries(problems)
    .filter(([field]) => checking || step.fields.some((own) => field.startsWith(own)))
    .map(([field, text]) => ({ href: fieldId(field), text: `${fieldLabel(field)}: ${text}` }));
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

const LABELS: Record<string, string> = {
  'child.localReference': 'Case reference',
  'child.dateOfBirth': 'Date of birth',
  'child.gender': 'Gender',
  'child.homePostcode': 'Home postcode',
  'child.legalStatus': 'Legal status',
  'child.categoryOfNeed': 'Category of need',
  'child.siblingGroupSize': 'Children to place together',
  'child.needs': 'Needs',
  urgency: 'Urgency',
  requiredBy: 'Needed by',
  placementTypes: 'Kinds of placement',
  maxDistanceMiles: 'Furthest from home',
  weeklyBudget: 'Weekly budget',
  notes: 'Notes',
};
const fieldLabel = (field: string) => LABELS[field] ?? LABELS[field.replace(/\[\d+\].*$/, '')] ?? field;

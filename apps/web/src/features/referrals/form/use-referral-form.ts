import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../../api/client';
import { problemsByField } from '../../../api/problems';
import { clearDraft, loadDraft, saveDraft } from '../../../lib/draft';
import { checkValues, fieldId, fieldLabel, type Draft, type Kind, newDraft, toRequest } from '../referral-draft';
import { STEPS, type StepProps } from './steps';

/**
 * The referral form's state: the draft (kept in the browser as it is typed), the step it is on,
 * its problems by api field and the sending of it.
 */
export function useReferralForm(kind: Kind) {
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
  const steps = STEPS[kind];
  const checking = draft.step >= steps.length;
  const step = steps[Math.min(draft.step, steps.length - 1)];

  useEffect(() => saveDraft(draftName, draft), [draftName, draft]);

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
      const byField = problemsByField(error);
      if (byField) {
        showProblems(byField);
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

  return { draft, steps, step, checking, sending, failure, stepErrors, set, problem, goTo, next, send, startAgain };
}

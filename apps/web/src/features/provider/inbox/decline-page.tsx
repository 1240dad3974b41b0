import { useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { Radios, Textarea } from '../../../components/fields';
import { SubmitButton } from '../../../components/submit-button';
import { useForm } from '../../../components/use-form';
import { DECLINE_REASON_WORDS } from '../../../lib/words';
import type { ProviderReferral } from '../types';
import { AnswerPage, NO_LONGER_OPEN } from './answer-page';
import { useDecline } from './queries';

export function DeclinePage() {
  return (
    <AnswerPage routeId="/authed/inbox/$referralId/decline" heading="Decline this referral">
      {(item) => <DeclineForm item={item} />}
    </AnswerPage>
  );
}

const FIELDS = {
  reason: { id: 'decline-reason', label: 'Reason' },
  note: { id: 'decline-note', label: 'Note' },
};

const REASON_OPTIONS = Object.entries(DECLINE_REASON_WORDS).map(([value, label]) => ({ value, label }));

function DeclineForm({ item }: { item: ProviderReferral }) {
  const form = useForm(FIELDS, { reason: '', note: '' });
  const decline = useDecline(item.referralId);
  const navigate = useNavigate();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { reason, note } = form.values;
    if (form.refuse(reason ? [] : [['reason', 'Select why you are declining']])) return;
    try {
      await decline.mutateAsync({ vacancyId: item.vacancyId, reason, note: note.trim() || undefined });
      await navigate({ to: '/inbox', search: { answered: 'decline' } });
    } catch (error) {
      form.fail(error, { 404: NO_LONGER_OPEN });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={form.errors} />
      <p className="govuk-body">If you offered this home for the child, declining withdraws the offer.</p>
      <Radios
        {...form.choice('reason')}
        legend="Why are you declining?"
        legendClass="govuk-fieldset__legend--m"
        hint="The placement team sees your reason."
        options={REASON_OPTIONS}
      />
      <Textarea
        {...form.input('note')}
        label="Anything the placement team should know (optional)"
        labelClass="govuk-label--s"
        hint="For example, when a bed may come free. Do not include anyone's name."
      />
      <SubmitButton busy={decline.isPending}>Decline referral</SubmitButton>
    </form>
  );
}

import { useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { Textarea, TextInput } from '../../../components/fields';
import { SubmitButton } from '../../../components/submit-button';
import { useForm } from '../../../components/use-form';
import { wholePounds } from '../settings/vacancy-terms';
import type { ProviderReferral, Vacancy } from '../types';
import { AnswerPage, NO_LONGER_OPEN } from './answer-page';
import { useMakeOffer } from './queries';

export function OfferPage() {
  return (
    <AnswerPage routeId="/authed/inbox/$referralId/offer" heading="Make an offer">
      {(item, vacancy) => <OfferForm item={item} vacancy={vacancy} />}
    </AnswerPage>
  );
}

const FIELDS = {
  weeklyCost: { id: 'offer-weekly-cost', label: 'Weekly cost' },
  message: { id: 'offer-message', label: 'Message' },
};

function OfferForm({ item, vacancy }: { item: ProviderReferral; vacancy: Vacancy | undefined }) {
  const form = useForm(FIELDS, { weeklyCost: vacancy ? String(vacancy.weeklyCost) : '', message: '' });
  const offer = useMakeOffer(item.referralId);
  const navigate = useNavigate();
  const home = vacancy?.settingName ?? 'this home';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const weeklyCost = wholePounds(form.values.weeklyCost);
    if (form.refuse(weeklyCost === null ? [['weeklyCost', 'Enter the weekly cost in whole pounds, between £1 and £100,000']] : [])) return;
    try {
      await offer.mutateAsync({ vacancyId: item.vacancyId, weeklyCost: weeklyCost!, message: form.values.message.trim() || undefined });
      await navigate({ to: '/inbox', search: { answered: 'offer' } });
    } catch (error) {
      form.fail(error, {
        409: `You have already offered ${home} for this child, and the offer is still open. The placement team has it: see our offers.`,
        404: NO_LONGER_OPEN,
      });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={form.errors} />
      <TextInput
        {...form.input('weeklyCost')}
        label="Weekly cost"
        labelClass="govuk-label--s"
        hint={`In whole pounds a week. ${vacancy ? `The vacancy's cost is £${vacancy.weeklyCost.toLocaleString('en-GB')}.` : ''}`}
        prefix="£"
        suffix="a week"
        inputMode="numeric"
        className="govuk-input--width-5"
      />
      <Textarea
        {...form.input('message')}
        label="Message (optional)"
        labelClass="govuk-label--s"
        hint="What this home can offer the child: staffing, education, how you would meet their needs. Do not include anyone's name."
      />
      <SubmitButton busy={offer.isPending}>Send offer</SubmitButton>
    </form>
  );
}

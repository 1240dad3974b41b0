import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { Radios, Textarea } from '../../../components/fields';
import { SubmitButton } from '../../../components/submit-button';
import { SummaryList } from '../../../components/summary-list';
import { useForm } from '../../../components/use-form';
import { formatDate } from '../../../lib/format';
import { statusWords } from '../../../lib/words';
import { LoadProblem } from '../load-problem';
import type { Outcome } from '../types';
import { usePlacement, useRecordProgress } from './queries';

const route = getRouteApi('/authed/provider-placements/$placementId/outcomes/$outcomeId');

const FIELDS = {
  status: { id: 'progress-status', label: 'Status' },
  note: { id: 'progress-note', label: 'Note' },
};

const STATUS_OPTIONS = ['not_started', 'in_progress', 'achieved', 'not_achieved'].map((value) => ({
  value,
  label: statusWords(value),
}));

/** One more step of an outcome's journey, as we see it: the placing authority sees it too. */
export function OutcomePage() {
  const { placementId, outcomeId } = route.useParams();
  const placement = usePlacement(placementId);
  const outcome = placement.data?.outcomes.find((candidate) => candidate.id === outcomeId);
  return (
    <>
      <Link to="/provider-placements/$placementId" params={{ placementId }} search={{}} className="govuk-back-link">
        Back to the placement
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <LoadProblem query={placement} what="this outcome" />
          {placement.data && !outcome ? <p className="govuk-body">This placement has no such outcome.</p> : null}
          {outcome ? (
            <>
              <span className="govuk-caption-l">Outcome</span>
              <h1 className="govuk-heading-l">Record progress</h1>
              <SummaryList
                rows={[
                  { key: 'Outcome', value: outcome.description },
                  { key: 'Target date', value: formatDate(outcome.targetDate) },
                  {
                    key: 'Status now',
                    value: outcome.awaitingConfirmation
                      ? `${statusWords(outcome.status)}; achieved, awaiting the placing authority's confirmation`
                      : statusWords(outcome.status),
                  },
                ]}
              />
              <ProgressForm key={outcome.id} placementId={placementId} outcome={outcome} />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

function ProgressForm({ placementId, outcome }: { placementId: string; outcome: Outcome }) {
  const form = useForm(FIELDS, { status: outcome.status, note: '' });
  const record = useRecordProgress(placementId, outcome.id);
  const navigate = useNavigate();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { status, note } = form.values;
    if (form.refuse(status ? [] : [['status', 'Select where the outcome stands now']])) return;
    try {
      await record.mutateAsync({ status, note: note.trim() || undefined });
      await navigate({ to: '/provider-placements/$placementId', params: { placementId }, search: { recorded: true } });
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={form.errors} />
      <Radios
        {...form.choice('status')}
        legend="Where does the outcome stand now?"
        legendClass="govuk-fieldset__legend--m"
        options={STATUS_OPTIONS}
        hint="An outcome becomes achieved when the placing authority confirms it."
      />
      <Textarea
        {...form.input('note')}
        label="What has happened since the last update (optional)"
        labelClass="govuk-label--s"
        hint="The placing authority reads this. Do not write the child's full name."
      />
      <SubmitButton busy={record.isPending}>Record progress</SubmitButton>
    </form>
  );
}

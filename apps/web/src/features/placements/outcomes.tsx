import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Select, Textarea } from '../../components/fields';
import { StatusTag } from '../../components/status-tag';
import { useFormErrors } from '../../components/use-form-errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { statusWords } from '../../lib/words';
import { NewOutcome } from './new-outcome';
import { type Placement, useInvalidate } from './queries';

const OUTCOME_STATUSES = ['not_started', 'in_progress', 'achieved', 'not_achieved'] as const;

/** The placement's outcomes, each with its journey so far; a live placement can be given new ones. */
export function Outcomes({ placement }: { placement: Placement }) {
  const live = placement.status === 'active';
  return (
    <section aria-labelledby="outcomes-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="outcomes-heading">
        Outcomes
      </h2>
      {placement.outcomes.length === 0 ? <p className="govuk-body">No outcomes set yet.</p> : null}
      {placement.outcomes.map((outcome) => (
        <div key={outcome.id} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{outcome.description}</h3>
            <StatusTag status={outcome.status} />
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body-s">
              {outcome.kind === 'hard' ? 'Hard (measurable)' : 'Soft'} outcome, by {formatDate(outcome.targetDate)}
            </p>
            {outcome.journey.length > 0 ? (
              <ol className="govuk-list govuk-list--number govuk-body-s">
                {outcome.journey.map((step, index) => (
                  <li key={index}>
                    {statusWords(step.status)}
                    {step.proposed ? ' (proposed)' : ''}, {formatDateTime(step.recordedAt)} (
                    {step.recordedByRole === 'provider_user' ? 'provider' : 'placing LA'})
                    {step.note ? `: ${step.note}` : ''}
                  </li>
                ))}
              </ol>
            ) : null}
            {outcome.awaitingConfirmation ? <ConfirmAchieved placementId={placement.id} outcomeId={outcome.id} /> : null}
            <OutcomeUpdate placementId={placement.id} outcomeId={outcome.id} current={outcome.status} />
          </div>
        </div>
      ))}
      {live ? <NewOutcome placement={placement} /> : null}
    </section>
  );
}

/** The provider says the outcome is achieved: it is, once we confirm it. */
function ConfirmAchieved({ placementId, outcomeId }: { placementId: string; outcomeId: string }) {
  const invalidate = useInvalidate(placementId);
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/placements/{id}/outcomes/{outcomeId}/confirm', { params: { path: { id: placementId, outcomeId } }, body: {} })),
    onSuccess: () => void invalidate(),
  });
  return (
    <div className="govuk-inset-text govuk-!-margin-top-2">
      <p className="govuk-body">
        <strong className="govuk-tag govuk-tag--yellow">Awaiting your confirmation</strong> The provider says this outcome is achieved.
      </p>
      <button type="button" className="govuk-button govuk-!-margin-bottom-0" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
        Confirm achieved
      </button>
      {confirm.isError ? <p className="govuk-error-message">The outcome could not be confirmed. Reload the page and try again.</p> : null}
    </div>
  );
}

function OutcomeUpdate({ placementId, outcomeId, current }: { placementId: string; outcomeId: string; current: string }) {
  const [status, setStatus] = useState(current);
  const [note, setNote] = useState('');
  const errors = useFormErrors(`update-${outcomeId}`, { status: 'Progress', note: 'Note' });
  const invalidate = useInvalidate(placementId);
  const update = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/placements/{id}/outcomes/{outcomeId}/updates', {
          params: { path: { id: placementId, outcomeId } },
          body: { status: status as (typeof OUTCOME_STATUSES)[number], ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    onSuccess: () => {
      setNote('');
      errors.clear();
      void invalidate();
    },
    onError: (error) => errors.fail(error),
  });
  return (
    <details className="govuk-details govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Record progress</span>
      </summary>
      <div className="govuk-details__text">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate();
          }}
          noValidate
        >
          <Select id={errors.id('status')} label="Progress" value={status} onChange={(event) => setStatus(event.target.value)} error={errors.problem('status')}>
            {OUTCOME_STATUSES.map((each) => (
              <option key={each} value={each}>
                {statusWords(each)}
              </option>
            ))}
          </Select>
          <Textarea id={errors.id('note')} label="What has happened since the last update (optional)" rows={3} value={note} onChange={(event) => setNote(event.target.value)} error={errors.problem('note')} />
          {errors.general ? <p className="govuk-error-message">{errors.general}</p> : null}
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={update.isPending}>
            Save progress
          </button>
        </form>
      </div>
    </details>
  );
}


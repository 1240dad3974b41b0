import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { Fieldset, Radio, Select, Textarea } from '../../components/fields';
import { StatusTag } from '../../components/status-tag';
import { SummaryList } from '../../components/summary-list';
import { useFormErrors } from '../../components/use-form-errors';
import { dateFromParts, EMPTY_DATE } from '../../lib/date-parts';
import { formatDate, formatDateTime, formatWeeklyCost } from '../../lib/format';
import { endReasonWords, GENDER_WORDS, SSDA903, statusWords } from '../../lib/words';
import { EndPlacement } from './end-placement';
import { type Placement, placementQuery, providerQuery, useInvalidate } from './queries';

const route = getRouteApi('/authed/placements/$placementId');
const OUTCOME_STATUSES = ['not_started', 'in_progress', 'achieved', 'not_achieved'] as const;

/** A placement for the placing LA: end it, set outcomes and record their progress, give feedback. */
export function PlacementPage() {
  const { placementId } = route.useParams();
  const placement = useQuery(placementQuery(placementId));
  const provider = useQuery(providerQuery(placement.data?.providerId));
  if (placement.isPending) return <p className="govuk-body">Loading the placement…</p>;
  if (placement.isError) return <h1 className="govuk-heading-l">Placement not found</h1>;
  const p = placement.data;
  const child = p.child as { localReference?: string; dateOfBirth?: string; gender?: string };
  const live = p.status === 'active';
  return (
    <>
      <Link to="/placements" className="govuk-back-link">
        Placements
      </Link>
      <span className="govuk-caption-l">Placement</span>
      <h1 className="govuk-heading-l">
        {child.localReference ?? 'Placement'} <StatusTag status={live ? 'live' : 'ended'} />
      </h1>
      <SummaryList
        rows={[
          { key: 'Provider', value: provider.data?.name ?? '' },
          {
            key: 'Child',
            value: `${child.dateOfBirth ? `Born ${formatDate(child.dateOfBirth)}` : ''}${
              child.gender ? `, ${GENDER_WORDS[child.gender]?.toLowerCase() ?? child.gender}` : ''
            }`,
          },
          { key: 'Started', value: formatDate(p.startDate) },
          { key: 'Weekly cost', value: formatWeeklyCost(p.weeklyCost) },
          {
            key: 'Ended',
            value: live ? null : `${formatDate(p.endedOn)}: ${p.endReason ? endReasonWords(p.endReason) : ''} (${p.plannedEnding ? 'planned' : 'unplanned'})`,
          },
          {
            key: 'Referral',
            value: (
              <Link to="/referrals/$referralId" params={{ referralId: p.referralId }} className="govuk-link">
                See the referral
              </Link>
            ),
          },
        ]}
      />
      <Outcomes placement={p} />
      {live ? <EndPlacement placement={p} /> : <Feedback placement={p} />}
    </>
  );
}

function Outcomes({ placement }: { placement: Placement }) {
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

function NewOutcome({ placement }: { placement: Placement }) {
  const [kind, setKind] = useState<'' | 'hard' | 'soft'>('');
  const [description, setDescription] = useState('');
  const [targetDate, setTargetDate] = useState(EMPTY_DATE);
  const errors = useFormErrors('outcome', { description: 'Outcome', kind: 'Kind', targetDate: 'Achieve by', status: 'Progress' }, ['targetDate']);
  const invalidate = useInvalidate(placement.id);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/placements/{id}/outcomes', {
          params: { path: { id: placement.id } },
          body: { kind: kind as 'hard' | 'soft', description, targetDate: dateFromParts(targetDate) ?? '', status: 'not_started' },
        }),
      ),
    onSuccess: () => {
      setKind('');
      setDescription('');
      setTargetDate(EMPTY_DATE);
      errors.clear();
      void invalidate();
    },
    onError: (error) => errors.fail(error),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!description.trim()) found.description = 'Describe the outcome: what will have changed, and how you will know';
    if (!kind) found.kind = 'Say whether the outcome is hard or soft';
    if (!dateFromParts(targetDate)) found.targetDate = 'Enter the date it should be achieved by, such as 31 3 2027';
    if (errors.set(found)) create.mutate();
  }
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Set a new outcome</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary errors={errors.summary()} />
        <form onSubmit={submit} noValidate>
          <Textarea
            id={errors.id('description')}
            label="Outcome"
            hint="Specific and measurable: what will have changed, and how you will know."
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            error={errors.problem('description')}
          />
          <Fieldset id={errors.id('kind')} legend="Kind of outcome" error={errors.problem('kind')}>
            <div className="govuk-radios govuk-radios--small">
              <Radio id={errors.id('kind')} name="outcome-kind" label="Hard: measurable, such as attendance or a qualification" checked={kind === 'hard'} onChange={() => setKind('hard')} />
              <Radio id="outcome-kind-soft" name="outcome-kind" label="Soft: such as confidence or relationships" checked={kind === 'soft'} onChange={() => setKind('soft')} />
            </div>
          </Fieldset>
          <DateInput id={errors.id('targetDate')} legend="Achieve by" value={targetDate} onChange={setTargetDate} error={errors.problem('targetDate')} />
          <button type="submit" className="govuk-button" disabled={create.isPending}>
            Set outcome
          </button>
        </form>
      </div>
    </details>
  );
}

function Feedback({ placement }: { placement: Placement }) {
  const [rating, setRating] = useState('');
  const [comments, setComments] = useState('');
  const [youngPersonView, setYoungPersonView] = useState('');
  const errors = useFormErrors('feedback', { rating: 'Rating', comments: 'Feedback', youngPersonView: "Young person's view" });
  const invalidate = useInvalidate(placement.id);
  const give = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/placements/{id}/feedback', {
          params: { path: { id: placement.id } },
          body: { rating: Number(rating), comments, ...(youngPersonView.trim() ? { youngPersonView } : {}) },
        }),
      ),
    onSuccess: () => void invalidate(),
    onError: (error) => errors.fail(error),
  });
  if (placement.feedback) {
    return (
      <section aria-labelledby="feedback-heading" className="govuk-!-margin-top-6">
        <h2 className="govuk-heading-m" id="feedback-heading">
          Feedback
        </h2>
        <SummaryList
          rows={[
            { key: 'Rating', value: `${placement.feedback.rating} out of 5` },
            { key: 'Feedback', value: placement.feedback.comments },
            { key: "Young person's view", value: placement.feedback.youngPersonView ?? 'Not given' },
          ]}
        />
      </section>
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!rating) found.rating = 'Choose a rating from 1 to 5';
    if (!comments.trim()) found.comments = 'Write your feedback';
    if (errors.set(found)) give.mutate();
  }
  return (
    <section aria-labelledby="feedback-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="feedback-heading">
        End-of-placement feedback
      </h2>
      <p className="govuk-body">Shared with the provider, whether positive or negative. It can be given once.</p>
      <ErrorSummary errors={errors.summary()} />
      <form onSubmit={submit} noValidate>
        <Fieldset id={errors.id('rating')} legend="How well did the placement meet the child's needs?" error={errors.problem('rating')}>
          <div className="govuk-radios govuk-radios--inline govuk-radios--small">
            {['1', '2', '3', '4', '5'].map((value, index) => (
              <Radio
                key={value}
                id={index === 0 ? errors.id('rating') : `feedback-rating-${value}`}
                name="rating"
                label={value === '1' ? '1 (poor)' : value === '5' ? '5 (excellent)' : value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
            ))}
          </div>
        </Fieldset>
        <Textarea id={errors.id('comments')} label="Your feedback" value={comments} onChange={(event) => setComments(event.target.value)} error={errors.problem('comments')} />
        <Textarea
          id={errors.id('youngPersonView')}
          label="The young person's view, as their social worker recorded it (optional)"
          hint="Leave empty if they chose not to give one."
          value={youngPersonView}
          onChange={(event) => setYoungPersonView(event.target.value)}
          error={errors.problem('youngPersonView')}
        />
        <button type="submit" className="govuk-button" disabled={give.isPending}>
          Send feedback
        </button>
      </form>
    </section>
  );
}

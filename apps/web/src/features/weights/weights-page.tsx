import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import type { Ok } from '../../api/types';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { useFormErrors } from '../../components/use-form-errors';
import { useUser } from '../auth/use-session';
import { useLaName } from '../provider/use-la-name';

const PARTS = [
  ['needs', 'Needs', 'How well the home supports each of the child’s needs, essential ones counting double'],
  ['proximity', 'Distance', 'How near the home is to the child’s home district, and whether it is inside the placing LA'],
  ['quality', 'Quality', 'Ofsted grade, and the provider’s placement stability once it has a record'],
  ['continuity', 'Continuity', 'Same school, local ties and the home LA'],
  ['cost', 'Cost', 'Weekly cost against the budget'],
] as const;
type Part = (typeof PARTS)[number][0];
type Weights = Record<Part, string>;
type Preview = Ok<'/api/v1/alliances/{id}/matching-weights/preview', 'post'>;

const toBody = (weights: Weights) => Object.fromEntries(PARTS.map(([key]) => [key, Number(weights[key])])) as Record<Part, number>;

/**
 * The alliance's matching weights: five numbers that must make 100, the running sum beside them,
 * a preview of what they would change before saving, and how many referrals were re-matched.
 */
export function WeightsPage() {
  const user = useUser();
  const allianceId = user?.allianceId ?? '';
  const queryClient = useQueryClient();
  const laName = useLaName();
  const current = useQuery({
    queryKey: ['weights', allianceId],
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}/matching-weights', { params: { path: { id: allianceId } } })),
    enabled: Boolean(allianceId),
  });
  const [weights, setWeights] = useState<Weights | null>(null);
  useEffect(() => {
    if (current.data && !weights) setWeights(Object.fromEntries(PARTS.map(([key]) => [key, String(current.data[key])])) as Weights);
  }, [current.data, weights]);
  const labels = Object.fromEntries([...PARTS.map(([key, label]) => [key, label]), ['weights', 'Weights']]);
  const errors = useFormErrors('weights', labels);
  const [preview, setPreview] = useState<Preview | null>(null);
  const path = { params: { path: { id: allianceId } } };
  const previewing = useMutation({
    mutationFn: (body: Record<Part, number>) => unwrap(api.POST('/api/v1/alliances/{id}/matching-weights/preview', { ...path, body })),
    onSuccess: (answer) => {
      errors.clear();
      setPreview(answer);
    },
    onError: (error) => errors.fail(error),
  });
  const saving = useMutation({
    mutationFn: (body: Record<Part, number>) => unwrap(api.PUT('/api/v1/alliances/{id}/matching-weights', { ...path, body })),
    onSuccess: (saved) => {
      errors.clear();
      setPreview(null);
      queryClient.setQueryData(['weights', allianceId], saved);
    },
    onError: (error) => errors.fail(error),
  });

  if (!weights) return <p className="govuk-body">Loading the weights…</p>;
  const sum = PARTS.reduce((total, [key]) => total + (Number(weights[key]) || 0), 0);
  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const [key] of PARTS) {
      const value = Number(weights[key]);
      if (weights[key].trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) found[key] = 'Enter a number from 0 to 100';
    }
    if (Object.keys(found).length === 0 && Math.abs(sum - 100) > 1e-9) found.weights = `The weights must add up to 100; they add up to ${sum}`;
    return found;
  };
  const submit = (event: FormEvent, action: 'preview' | 'save') => {
    event.preventDefault();
    if (!errors.set(check())) return;
    (action === 'preview' ? previewing : saving).mutate(toBody(weights));
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Matching weights</h1>
        <p className="govuk-body">
          How much each part of a match counts towards its score out of 100, for every referral of the alliance's LAs.
          Saving re-matches the referrals waiting for a placement.
        </p>
        <p className="govuk-body">
          An LA in several alliances is matched with the weights of the alliance created first.{' '}
          {current.data?.steersLocalAuthorityCodes.length
            ? `These weights steer ${current.data.steersLocalAuthorityCodes.map(laName).join(', ')}.`
            : 'These weights steer none of the alliance’s LAs: each is matched by an earlier alliance.'}
        </p>
        <ErrorSummary errors={errors.summary()} />
        {errors.general ? <p className="govuk-error-message">{errors.general}</p> : null}
        <form onSubmit={(event) => submit(event, 'save')} noValidate>
          {PARTS.map(([key, label, hint]) => (
            <TextInput
              key={key}
              id={errors.id(key)}
              label={label}
              hint={hint}
              inputMode="decimal"
              className="govuk-input--width-4"
              value={weights[key]}
              onChange={(event) => {
                setPreview(null);
                setWeights({ ...weights, [key]: event.target.value });
              }}
              error={errors.problem(key)}
            />
          ))}
          <p className={`govuk-body govuk-!-font-weight-bold${errors.problem('weights') ? ' govuk-error-message' : ''}`} id="weights-weights" aria-live="polite">
            Total: {sum} of 100{sum === 100 ? '' : ` (${sum > 100 ? `${sum - 100} too many` : `${100 - sum} to go`})`}
          </p>
          {preview ? (
            <div className="govuk-inset-text" role="status">
              Of the alliance's {preview.referralsChecked} current shortlists, {preview.firstPlaceChanges} would have another
              home first with these weights (an estimate from each shortlist's top 50).
              {preview.costCannotOutweighNeedsAndProximity
                ? ''
                : ' With this much weight on cost, a cheaper home could outrank one that fits the child’s needs or distance better.'}
            </div>
          ) : null}
          {saving.data ? (
            <div className="govuk-inset-text" role="status">
              Saved. {saving.data.rematched} referral{saving.data.rematched === 1 ? '' : 's'} waiting for a placement{' '}
              {saving.data.rematched === 1 ? 'is' : 'are'} being matched again with the new weights.
            </div>
          ) : null}
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--secondary" onClick={(event) => submit(event, 'preview')} disabled={previewing.isPending}>
              Preview the effect
            </button>
            <button type="submit" className="govuk-button" disabled={saving.isPending}>
              Save weights
            </button>
          </div>
        </form>
        <StepDownDays allianceId={allianceId} />
      </div>
    </div>
  );
}

/** How long after an emergency placement starts its planned step-down is needed by. */
function StepDownDays({ allianceId }: { allianceId: string }) {
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['step-down', allianceId],
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}/step-down', { params: { path: { id: allianceId } } })),
  });
  const [days, setDays] = useState<string | null>(null);
  const errors = useFormErrors('step-down', { days: 'Days' });
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/alliances/{id}/step-down', { params: { path: { id: allianceId } }, body: { days: Number(days) } })),
    onSuccess: (saved) => {
      errors.clear();
      queryClient.setQueryData(['step-down', allianceId], saved);
    },
    onError: (error) => errors.fail(error),
  });
  const value = days ?? (current.data ? String(current.data.days) : '');
  return (
    <form
      className="govuk-!-margin-top-8"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (errors.set(/^\d+$/.test(value) ? {} : { days: 'Enter a whole number of days' })) save.mutate();
      }}
    >
      <h2 className="govuk-heading-m">Step-down after an emergency</h2>
      <ErrorSummary errors={errors.summary()} />
      <TextInput
        id={errors.id('days')}
        label="Days after an emergency placement starts that its planned step-down is needed by"
        inputMode="numeric"
        className="govuk-input--width-3"
        value={value}
        onChange={(event) => setDays(event.target.value)}
        error={errors.problem('days') ?? (save.error instanceof ApiError && !save.error.body.details ? save.error.message : undefined)}
      />
      {save.isSuccess ? (
        <p className="govuk-body" role="status">
          Saved: step-downs opened from now on are needed by {save.data.days} days after the emergency placement starts.
        </p>
      ) : null}
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={save.isPending}>
        Save step-down days
      </button>
    </form>
  );
}

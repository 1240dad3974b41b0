import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { Fieldset, Radio, Textarea } from '../../components/fields';
import { useFormErrors } from '../../components/use-form-errors';
import { dateFromParts, EMPTY_DATE } from '../../lib/date-parts';
import { type Placement, useInvalidate } from './queries';

export function NewOutcome({ placement }: { placement: Placement }) {
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

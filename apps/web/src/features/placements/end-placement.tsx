import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import type { Body } from '../../api/types';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { Fieldset, Radio, Select } from '../../components/fields';
import { useFormErrors } from '../../components/use-form-errors';
import { dateFromParts, partsFromDate } from '../../lib/date-parts';
import { todayInEngland } from '../../lib/format';
import { endReasonWords, SSDA903 } from '../../lib/words';
import { type Placement, useInvalidate } from './queries';

type EndBody = Body<'/api/v1/placements/{id}/end', 'post'>;

/** A live placement's ending: the date, the SSDA903 reason and whether it was planned. */
export function EndPlacement({ placement }: { placement: Placement }) {
  const [endDate, setEndDate] = useState(partsFromDate(todayInEngland()));
  const [reason, setReason] = useState('');
  const [planned, setPlanned] = useState<'' | 'yes' | 'no'>('');
  const errors = useFormErrors('end', { endDate: 'Date it ended', reason: 'Reason', planned: 'Planned or not' }, ['endDate']);
  const invalidate = useInvalidate(placement.id);
  const end = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/placements/{id}/end', {
          params: { path: { id: placement.id } },
          body: { endDate: dateFromParts(endDate) ?? '', reason: reason as EndBody['reason'], planned: planned === 'yes' },
        }),
      ),
    onSuccess: () => {
      errors.clear();
      void invalidate();
    },
    onError: (error) => errors.fail(error),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!dateFromParts(endDate)) found.endDate = 'Enter the date the placement ended, such as 3 12 2026';
    if (!reason) found.reason = 'Select why the placement ended';
    if (!planned) found.planned = 'Say whether the ending was planned';
    if (errors.set(found)) end.mutate();
  }
  return (
    <section aria-labelledby="end-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="end-heading">
        End the placement
      </h2>
      <ErrorSummary errors={errors.summary()} />
      <form onSubmit={submit} noValidate>
        <DateInput id={errors.id('endDate')} legend="Date it ended" value={endDate} onChange={setEndDate} error={errors.problem('endDate')} />
        <Select
          id={errors.id('reason')}
          label="Reason (SSDA903)"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.problem('reason')}
        >
          <option value="">Select the reason</option>
          {Object.keys(SSDA903.reasonForPlacementChange).map((code) => (
            <option key={code} value={code}>
              {endReasonWords(code)} ({code})
            </option>
          ))}
        </Select>
        <Fieldset id={errors.id('planned')} legend="Was the ending planned?" error={errors.problem('planned')}>
          <div className="govuk-radios govuk-radios--inline govuk-radios--small">
            <Radio id={errors.id('planned')} name="planned" label="Yes, planned" checked={planned === 'yes'} onChange={() => setPlanned('yes')} />
            <Radio
              id="end-planned-no"
              name="planned"
              label="No, unplanned (a breakdown: the bed goes back to the provider)"
              checked={planned === 'no'}
              onChange={() => setPlanned('no')}
            />
          </div>
        </Fieldset>
        <button type="submit" className="govuk-button govuk-button--warning" disabled={end.isPending}>
          End the placement
        </button>
      </form>
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorSummary } from '../../components/error-summary';
import { Fieldset, Radio, Textarea } from '../../components/fields';
import { SummaryList } from '../../components/summary-list';
import { useFormErrors } from '../../components/use-form-errors';
import { type Placement, useInvalidate } from './queries';

/** An ended placement's feedback to the provider: the form until it is given, then what was said. */
export function Feedback({ placement }: { placement: Placement }) {
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

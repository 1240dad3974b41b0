import { statusWords } from '../lib/words';

const COLOURS: Record<string, string> = {
  submitted: 'govuk-tag--grey',
  matching: 'govuk-tag--light-blue',
  shortlisted: 'govuk-tag--blue',
  no_match: 'govuk-tag--orange',
  match_failed: 'govuk-tag--red',
  placed: 'govuk-tag--green',
  withdrawn: 'govuk-tag--grey',
  closed: 'govuk-tag--grey',
  open: 'govuk-tag--blue',
  accepted: 'govuk-tag--green',
  filled: 'govuk-tag--grey',
  emergency: 'govuk-tag--red',
  urgent: 'govuk-tag--orange',
  planned: 'govuk-tag--grey',
  pending: 'govuk-tag--yellow',
  delivered: 'govuk-tag--green',
  cancelled: 'govuk-tag--grey',
  failed: 'govuk-tag--red',
  not_sent: 'govuk-tag--grey',
  live: 'govuk-tag--green',
  active: 'govuk-tag--green',
  disabled: 'govuk-tag--grey',
  ended: 'govuk-tag--grey',
  not_started: 'govuk-tag--grey',
  in_progress: 'govuk-tag--light-blue',
  achieved: 'govuk-tag--green',
  not_achieved: 'govuk-tag--red',
};

/** A status or urgency in words; the colour repeats what the words say, never replaces them. */
export function StatusTag({ status, words }: { status: string; words?: string }) {
  return <strong className={`govuk-tag ${COLOURS[status] ?? ''}`}>{words ?? statusWords(status)}</strong>;
}

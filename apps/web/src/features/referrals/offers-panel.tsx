import { Table } from '../../components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime, formatWeeklyCost } from '../../lib/format';
import { declineReasonWords } from '../../lib/words';
import { declinesQuery, offersQuery } from './queries';
import type { MatchItem, Referral } from './shortlist';

/** Offers received, with the home, cost against budget and message; declines with their reasons. */
export function OffersPanel({ referral, items }: { referral: Referral; items: MatchItem[] }) {
  const offers = useQuery(offersQuery(referral.id));
  const declines = useQuery(declinesQuery(referral.id));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const byVacancy = new Map(items.map((item) => [item.vacancyId, item]));
  const accept = useMutation({
    mutationFn: (offerId: string) => unwrap(api.POST('/api/v1/offers/{id}/accept', { params: { path: { id: offerId } } })),
    onSuccess: (placement) => {
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
      void navigate({ to: '/placements/$placementId', params: { placementId: placement.placementId } });
    },
    // A 409 means the bed has gone (or the referral moved on): show the shortlist as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: ['referrals', referral.id] }),
  });
  const list = offers.data?.items ?? [];
  const declined = declines.data?.items ?? [];
  const open = list.filter((offer) => offer.status === 'open');

  return (
    <section aria-labelledby="offers-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="offers-heading">
        Offers {open.length > 0 ? <span className="govuk-tag govuk-tag--green">{open.length} open</span> : null}
      </h2>
      {accept.error ? (
        <div className="govuk-error-summary" role="alert">
          <h3 className="govuk-error-summary__title">The offer was not accepted</h3>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">
              {accept.error instanceof ApiError && accept.error.status === 409
                ? 'That bed has gone: another child was placed in it, or it was withdrawn. The shortlist below has been refreshed.'
                : 'Something went wrong: try again.'}
            </p>
          </div>
        </div>
      ) : null}
      {list.length === 0 ? <p className="govuk-body">No offers yet. Offers appear here as providers make them.</p> : null}
      {list.length > 0 ? (
        <Table caption="Offers received" heads={['Home and provider', 'Weekly cost', 'Message', 'Status', <span key="action" className="govuk-visually-hidden">Action</span>]}>
            {list.map((offer) => {
              const item = byVacancy.get(offer.vacancyId);
              const name = item ? `${item.setting.name}, ${item.provider.name}` : 'A home no longer on the shortlist';
              return (
                <tr className="govuk-table__row" key={offer.id}>
                  <td className="govuk-table__cell">
                    {name}
                    <br />
                    <span className="govuk-body-s">Offered {formatDateTime(String(offer.createdAt))}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {formatWeeklyCost(offer.weeklyCost)}
                    {referral.weeklyBudget != null ? (
                      <>
                        <br />
                        <span className="govuk-body-s">
                          {offer.weeklyCost <= referral.weeklyBudget
                            ? 'Within budget'
                            : `£${(offer.weeklyCost - referral.weeklyBudget).toLocaleString('en-GB')} over budget`}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{offer.message ?? ''}</td>
                  <td className="govuk-table__cell">
                    <StatusTag status={offer.status} />
                  </td>
                  <td className="govuk-table__cell">
                    {offer.status === 'open' && referral.status === 'shortlisted' ? (
                      <button
                        type="button"
                        className="govuk-button govuk-!-margin-bottom-0"
                        onClick={() => accept.mutate(offer.id)}
                        disabled={accept.isPending}
                      >
                        Accept<span className="govuk-visually-hidden"> the offer from {name}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </Table>
      ) : null}
      {declined.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Declined</h3>
          <ul className="govuk-list govuk-list--bullet">
            {declined.map((decline) => {
              const item = byVacancy.get(decline.vacancyId);
              return (
                <li key={decline.id}>
                  {item ? `${item.setting.name}, ` : ''}
                  {decline.providerName ?? item?.provider.name ?? 'A provider'}: {declineReasonWords(decline.reason)} (
                  {formatDateTime(String(decline.createdAt))})
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}

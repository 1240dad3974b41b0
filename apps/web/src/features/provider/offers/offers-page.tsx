import { getRouteApi, Link } from '@tanstack/react-router';
import { Pagination } from '../../../components/pagination';
import { StatusTag } from '../../../components/status-tag';
import { DataTable } from '../../../components/data-table';
import { formatDateTime, formatWeeklyCost } from '../../../lib/format';
import { exclusionWords, REFERRAL_FATE_WORDS, statusWords } from '../../../lib/words';
import { ListFilter } from '../list-filter';
import { LoadProblem } from '../load-problem';
import type { ProviderOffer } from '../types';
import { OFFERS_PAGE_SIZE, useProviderOffers } from './queries';

const route = getRouteApi('/authed/offers');

const STATUS_OPTIONS = [
  { value: '', label: 'All offers' },
  { value: 'open', label: 'Open: waiting for the placement team' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'closed', label: 'Closed: another offer was accepted, the referral ended or the vacancy no longer fits' },
  { value: 'withdrawn', label: 'Withdrawn by us' },
];

/** What became of an offer, in a sentence: the offer's status read with its referral's. */
export function offerFate(offer: ProviderOffer): string {
  switch (offer.status) {
    case 'open':
      return 'Waiting for the placement team to decide';
    case 'accepted':
      return 'Accepted: the child is placed with us';
    case 'withdrawn':
      return 'We withdrew it by declining the referral';
    case 'closed':
      if (offer.closedReasons?.length) {
        return `Closed: the vacancy no longer fits the referral (${offer.closedReasons.map(exclusionWords).join('; ')})`;
      }
      return offer.referralStatus === 'placed'
        ? 'The placement team accepted another offer'
        : (REFERRAL_FATE_WORDS[offer.referralStatus] ?? 'The referral was closed');
  }
}

export function OffersPage() {
  const { status, page = 1 } = route.useSearch();
  const offers = useProviderOffers({ status, page });
  return (
    <>
      <h1 className="govuk-heading-l">Our offers</h1>
      <p className="govuk-body">Every offer we have made, newest first, and what became of it.</p>
      <ListFilter
        to="/offers"
        id="offer-status"
        label="Status"
        param="status"
        value={status ?? ''}
        options={STATUS_OPTIONS}
        key={status ?? ''}
      />
      <LoadProblem query={offers} what="your offers" />
      {offers.data && offers.data.items.length === 0 ? (
        <p className="govuk-body">{status ? `No offers are ${statusWords(status).toLowerCase()}.` : 'We have not made an offer yet.'}</p>
      ) : null}
      {offers.data && offers.data.items.length > 0 ? (
        <>
          <DataTable
            caption={`${offers.data.total} ${offers.data.total === 1 ? 'offer' : 'offers'}`}
            captionClass="govuk-table__caption--s"
            columns={[
              { header: 'Made' },
              { header: 'Home' },
              { header: 'Weekly cost', numeric: true },
              { header: 'Status' },
              { header: 'What became of it' },
            ]}
            rows={offers.data.items.map((offer) => ({
              key: offer.id,
              cells: [
                formatDateTime(offer.createdAt),
                offer.settingName,
                formatWeeklyCost(offer.weeklyCost),
                <StatusTag status={offer.status} />,
                offer.placementId && offer.status === 'accepted' ? (
                  <Link to="/provider-placements/$placementId" params={{ placementId: offer.placementId }} className="govuk-link">
                    {offerFate(offer)}
                  </Link>
                ) : (
                  offerFate(offer)
                ),
              ],
            }))}
          />
          <Pagination to="/offers" page={page} pageSize={OFFERS_PAGE_SIZE} total={offers.data.total} />
        </>
      ) : null}
    </>
  );
}

import { getRouteApi, Link } from '@tanstack/react-router';
import { Pagination } from '../../../components/pagination';
import { DataTable } from '../../../components/data-table';
import { formatDate } from '../../../lib/format';
import { childDescription, endReasonWords } from '../../../lib/words';
import { useLaName } from '../use-la-name';
import { ListFilter } from '../list-filter';
import { LoadProblem } from '../load-problem';
import { PLACEMENTS_PAGE_SIZE, usePlacements } from './queries';

const route = getRouteApi('/authed/provider-placements');

export function PlacementsPage() {
  const { state = 'live', page = 1 } = route.useSearch();
  const placements = usePlacements({ state, page });
  const laName = useLaName();
  const ended = state === 'ended';
  return (
    <>
      <h1 className="govuk-heading-l">Placements</h1>
      <p className="govuk-body">Children living in our homes, and those who have moved on.</p>
      <ListFilter
        to="/provider-placements"
        id="placement-state"
        label="Show"
        param="state"
        value={state}
        key={state}
        options={[
          { value: 'live', label: 'Live placements' },
          { value: 'ended', label: 'Ended placements' },
        ]}
      />
      <LoadProblem query={placements} what="your placements" />
      {placements.data && placements.data.items.length === 0 ? (
        <p className="govuk-body">{ended ? 'No placement with us has ended.' : 'No child is placed with us at the moment.'}</p>
      ) : null}
      {placements.data && placements.data.items.length > 0 ? (
        <>
          <DataTable
            caption={`${placements.data.total} ${ended ? 'ended' : 'live'} ${placements.data.total === 1 ? 'placement' : 'placements'}`}
            captionClass="govuk-table__caption--s"
            columns={[
              { header: 'Child' },
              { header: 'Home' },
              { header: 'Placing authority' },
              { header: 'Started' },
              ...(ended ? [{ header: 'Ended' }, { header: 'Reason' }] : []),
            ]}
            rows={placements.data.items.map((item) => ({
              key: item.id,
              cells: [
                <Link to="/provider-placements/$placementId" params={{ placementId: item.id }} className="govuk-link">
                  {childDescription(item.ageYears, item.gender)}
                </Link>,
                item.settingName,
                item.localAuthorityName ?? laName(item.localAuthorityCode),
                formatDate(item.startDate),
                ...(ended ? [formatDate(item.endDate), item.endReason ? endReasonWords(item.endReason) : ''] : []),
              ],
            }))}
          />
          <Pagination to="/provider-placements" page={page} pageSize={PLACEMENTS_PAGE_SIZE} total={placements.data.total} />
        </>
      ) : null}
    </>
  );
}

import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Countdown } from '../../../components/countdown';
import { DataTable } from '../../../components/data-table';
import { formatDateTime } from '../../../lib/format';
import { useLaName } from '../use-la-name';
import type { Vacancy } from '../types';
import { holdsQuery } from './queries';

/**
 * Beds placement teams are holding on our open vacancies while they decide: each bed is kept for
 * their referral until the hold runs out, and the countdown says how long that is.
 */
export function HoldsTable({ vacancies, caption = 'Beds held by placement teams' }: { vacancies: Vacancy[]; caption?: string }) {
  const open = vacancies.filter((vacancy) => vacancy.status === 'open');
  const queryClient = useQueryClient();
  const holds = useQueries({ queries: open.map((vacancy) => holdsQuery(vacancy.id)) });
  const laName = useLaName();
  const rows = open.flatMap((vacancy, index) =>
    (holds[index]?.data ?? []).map((hold) => ({
      key: hold.id,
      cells: [
        laName(hold.localAuthorityCode),
        vacancy.settingName,
        hold.beds,
        formatDateTime(hold.expiresAt),
        <Countdown
          until={hold.expiresAt}
          onExpired={() => void queryClient.invalidateQueries({ queryKey: holdsQuery(vacancy.id).queryKey })}
        />,
      ],
    })),
  );
  if (open.length === 0) return null;
  return rows.length === 0 ? (
    <>
      <h2 className="govuk-heading-m">{caption}</h2>
      <p className="govuk-body">No beds are held at the moment.</p>
    </>
  ) : (
    <DataTable
      caption={caption}
      columns={[
        { header: 'Placing authority' },
        { header: 'Home' },
        { header: 'Beds held', numeric: true },
        { header: 'Held until' },
        { header: 'Time left' },
      ]}
      rows={rows}
    />
  );
}

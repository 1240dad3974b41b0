import { useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { saveCsv } from '../../lib/download';
import { formatDate, formatWeeklyCost, todayInEngland } from '../../lib/format';
import { statusWords } from '../../lib/words';
import { useUser } from '../auth/use-session';
import { useLaName } from '../provider/use-la-name';
import { CsvButton } from '../../components/csv-button';
import { stepDownsQuery } from './queries';
import { SortableTable, type Column } from './sortable-table';

type StepDown = components['schemas']['OverdueStepDownResponse'];
/** A referral's short reference: enough to quote to its LA's placement team, who can open it. */
const reference = (id: string) => id.slice(0, 8).toUpperCase();

/**
 * Emergency placements whose planned step-down referral is still open after the day it was needed
 * by. Referrals are open to their LA's placement team only, so a commissioner gets their reference
 * to quote, not a link that would refuse them.
 */
export function StepDownsPage() {
  const allianceId = useUser()?.allianceId ?? '';
  const laName = useLaName();
  const stepDowns = useQuery({ ...stepDownsQuery(allianceId), enabled: Boolean(allianceId) });
  if (!allianceId) return <p className="govuk-body">Your account is not part of an alliance, so there are no figures to show.</p>;

  const columns: Column<StepDown, string>[] = [
    { key: 'la', label: 'Local authority', value: (row) => laName(row.localAuthorityCode) },
    { key: 'reference', label: 'Step-down referral', value: (row) => reference(row.stepDownReferralId) },
    { key: 'status', label: 'Status', value: (row) => statusWords(row.status) },
    { key: 'requiredBy', label: 'Needed by', value: (row) => row.requiredBy, show: (row) => formatDate(row.requiredBy) },
    { key: 'daysOverdue', label: 'Days overdue', numeric: true, value: (row) => row.daysOverdue },
    {
      key: 'placement',
      label: 'Emergency placement',
      value: (row) => row.emergencyPlacement?.settingName ?? null,
      show: (row) =>
        row.emergencyPlacement
          ? `${row.emergencyPlacement.settingName} (${row.emergencyPlacement.providerName}) since ${formatDate(row.emergencyPlacement.startDate)}`
          : 'Not recorded',
    },
    { key: 'cost', label: 'Weekly cost', numeric: true, value: (row) => row.emergencyPlacement?.weeklyCost ?? null, show: (row) => formatWeeklyCost(row.emergencyPlacement?.weeklyCost) },
  ];

  return (
    <>
      <h1 className="govuk-heading-l">Step-downs overdue</h1>
      <p className="govuk-body">
        Children placed in an emergency whose planned move to a properly matched home (the step-down referral) is still open after the day it was needed by,
        most overdue first. Referrals are open to their local authority's placement team only: quote the reference to them.
      </p>
      {stepDowns.isPending ? <p className="govuk-body">Loading…</p> : null}
      {stepDowns.isError ? <p className="govuk-error-message">The step-downs could not be loaded. Try again later.</p> : null}
      {stepDowns.data && stepDowns.data.items.length === 0 ? <p className="govuk-body">No step-down is overdue.</p> : null}
      {stepDowns.data && stepDowns.data.items.length > 0 ? (
        <>
          <SortableTable
            caption={`${stepDowns.data.items.length} overdue`}
            columns={columns}
            rows={stepDowns.data.items}
            rowKey={(row) => row.stepDownReferralId}
            initial={{ key: 'daysOverdue', direction: 'descending' }}
          />
          <CsvButton
            label="Download CSV of overdue step-downs"
            download={() =>
              saveCsv(
                `step-downs-overdue-${todayInEngland()}.csv`,
                ['stepDownReferralId', 'emergencyReferralId', 'localAuthorityCode', 'status', 'requiredBy', 'daysOverdue', 'settingName', 'providerName', 'startDate', 'weeklyCost'],
                stepDowns.data.items.map((row) => [
                  row.stepDownReferralId,
                  row.emergencyReferralId,
                  row.localAuthorityCode,
                  row.status,
                  row.requiredBy,
                  row.daysOverdue,
                  row.emergencyPlacement?.settingName ?? null,
                  row.emergencyPlacement?.providerName ?? null,
                  row.emergencyPlacement?.startDate ?? null,
                  row.emergencyPlacement?.weeklyCost ?? null,
                ]),
              )
            }
          />
        </>
      ) : null}
    </>
  );
}

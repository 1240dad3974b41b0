import { Table } from '../../components/table';
import type { Ok } from '../../api/types';
import { formatMiles } from '../../lib/format';
import { exclusionWords } from '../../lib/words';

type Exclusion = Ok<'/api/v1/referrals/{id}/exclusions'>['items'][number];

/** The open vacancies ruled out, nearest first, each with every reason in words. */
export function WhyNot({ items, laName }: { items: Exclusion[] | undefined; laName: (code: string | null) => string }) {
  if (!items) return <p className="govuk-body">Loading…</p>;
  if (items.length === 0) return <p className="govuk-body">No open vacancy was ruled out.</p>;
  return (
    <>
      <h2 className="govuk-heading-m">Vacancies ruled out</h2>
      <p className="govuk-body">Nearest first: what stops each open vacancy being offered for this child.</p>
      <Table caption="Vacancies ruled out, nearest first" heads={['Home and provider', 'Distance', 'Why not']}>
          {items.map((item) => (
            <tr className="govuk-table__row" key={item.vacancyId}>
              <td className="govuk-table__cell">
                {item.setting ? (
                  <>
                    <strong>{item.setting.name}</strong>, {item.provider?.name}
                    <br />
                    <span className="govuk-body-s">
                      {item.setting.postcodeDistrict}, {laName(item.setting.localAuthorityCode)}
                    </span>
                  </>
                ) : (
                  'A vacancy'
                )}
              </td>
              <td className="govuk-table__cell app-nowrap">{formatMiles(item.distanceMiles)}</td>
              <td className="govuk-table__cell">
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {item.reasons.map((reason) => (
                    <li key={reason}>{exclusionWords(reason)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </Table>
    </>
  );
}

import { Link } from '@tanstack/react-router';
import { StatusTag } from '../../../components/status-tag';
import { DataTable } from '../../../components/data-table';
import { formatDateTime } from '../../../lib/format';
import { DELIVERY_WORDS } from '../../../lib/words';
import { LoadProblem } from '../load-problem';
import { useNotifications } from './queries';
import { WebhookForm } from './webhook-form';

/** Emergency alerts raised for our vacancies, how each reached our webhook, and the webhook itself. */
export function AlertsPage() {
  const notifications = useNotifications();
  return (
    <>
      <h1 className="govuk-heading-l">Alerts</h1>
      <p className="govuk-body">
        When one of our vacancies is shortlisted for an emergency referral, we are alerted at once: here, and at our
        webhook if we have one. Answer emergencies in <Link to="/inbox" search={{}} className="govuk-link">referrals sent to us</Link>.
      </p>
      <LoadProblem query={notifications} what="your alerts" />
      {notifications.data && notifications.data.length === 0 ? (
        <p className="govuk-body">There have been no emergency alerts for our vacancies.</p>
      ) : null}
      {notifications.data && notifications.data.length > 0 ? (
        <DataTable
          caption="Emergency alerts"
          columns={[{ header: 'Raised' }, { header: 'Urgency' }, { header: 'Delivery' }, { header: 'What that means' }, { header: 'Attempts', numeric: true }]}
          rows={notifications.data.map((alert) => ({
            key: alert.id,
            cells: [
              formatDateTime(alert.createdAt),
              <StatusTag status={alert.urgency} />,
              <StatusTag status={alert.delivery} words={DELIVERY_WORDS[alert.delivery]?.label} />,
              `${DELIVERY_WORDS[alert.delivery]?.meaning ?? alert.delivery}${alert.deliveredAt ? ` (${formatDateTime(alert.deliveredAt)})` : ''}`,
              alert.attempts,
            ],
          }))}
        />
      ) : null}
      <WebhookForm />
    </>
  );
}

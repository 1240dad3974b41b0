import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { TextInput } from '../../../components/fields';
import { NotificationBanner } from '../../../components/notification-banner';
import { SubmitButton } from '../../../components/submit-button';
import { useForm } from '../../../components/use-form';
import { useUser } from '../../auth/use-session';
import type { WebhookSaved } from '../types';
import { useSaveWebhook } from './queries';

const FIELDS = {
  url: { id: 'webhook-url', label: 'Webhook address' },
  secret: { id: 'webhook-secret', label: 'Signing secret' },
};

/**
 * Where our alerts are POSTed, signed with a secret only we and the service know. The secret is
 * never shown again, here or by the api: the field is emptied after saving.
 */
export function WebhookForm() {
  const user = useUser();
  const save = useSaveWebhook(user?.providerId ?? '');
  const form = useForm(FIELDS, { url: '', secret: '' });
  const [saved, setSaved] = useState<WebhookSaved | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const url = form.values.url.trim();
    const problems: [keyof typeof FIELDS, string][] = [];
    if (!/^https?:\/\/\S+$/i.test(url)) problems.push(['url', 'Enter the webhook address, starting https://']);
    if (form.values.secret.length < 16) problems.push(['secret', 'Enter a signing secret of at least 16 characters']);
    setSaved(null);
    if (form.refuse(problems)) return;
    try {
      setSaved(await save.mutateAsync({ url, secret: form.values.secret }));
      form.set('secret', '');
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <h2 className="govuk-heading-m">Webhook for emergency alerts</h2>
      {saved ? (
        <NotificationBanner success heading={`Alerts will be sent to ${saved.url}`}>
          <p className="govuk-body">
            {saved.queued > 0
              ? `${saved.queued} ${saved.queued === 1 ? 'alert' : 'alerts'} from the last day that you had not received ${saved.queued === 1 ? 'is' : 'are'} being sent now.`
              : 'Keep the signing secret safe: it is not shown again.'}
          </p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={form.errors} />
      <p className="govuk-body">
        Each alert is POSTed as JSON with an <code>X-Signature</code> header: <code>sha256=</code> and the hex HMAC-SHA256
        of the body with your secret. Failed deliveries are retried for about 90 hours. Saving replaces any webhook
        saved before, whose address this page cannot show.
      </p>
      <TextInput
        {...form.input('url')}
        label={FIELDS.url.label}
        labelClass="govuk-label--s"
        hint="An https address on the public internet"
        type="url"
        spellCheck={false}
      />
      <TextInput
        {...form.input('secret')}
        label={FIELDS.secret.label}
        labelClass="govuk-label--s"
        hint="At least 16 characters. It is never shown again, so keep a copy where your webhook can read it."
        type="password"
        autoComplete="new-password"
      />
      <SubmitButton busy={save.isPending}>Save webhook</SubmitButton>
    </form>
  );
}

import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { apiAs, referChild } from './support/api';
import { expect, expectAccessible, fixture, screenshot, test } from './support/journey';

/** A provider's webhook endpoint on this machine: it keeps what it was sent and answers 204. */
async function webhookReceiver() {
  const received: { body: string; signature: string | undefined }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ body, signature: request.headers['x-signature'] as string | undefined });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/placements/alerts`, received, close: () => server.close() };
}

test('an emergency alert is listed with its delivery in words, and saving a webhook sends it there, signed', async ({
  page,
  signIn,
}) => {
  const cedar = fixture().providers[2];
  const officer = await apiAs(fixture().officer.email);
  const referralId = await referChild(officer, { ageYears: 16, gender: 'male', reference: 'WEB-EMERGENCY-1' }, 'emergency');
  const receiver = await webhookReceiver();
  try {
    await signIn(cedar.email);
    await page.getByRole('link', { name: 'Alerts' }).click();
    await expect(page.getByRole('heading', { name: 'Alerts', exact: true })).toBeVisible();
    const alerts = page.getByRole('table', { name: 'Emergency alerts' });
    // Other journeys' emergencies may have reached Cedar Grove too: each is an alert not sent.
    const notSent = alerts.getByRole('row', { name: /Emergency.*Not sent.*You had no webhook/ });
    await expect(notSent.first()).toBeVisible();
    const pending = await notSent.count();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Save webhook' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter the webhook address');
    await expect(page.getByRole('alert')).toContainText('Enter a signing secret of at least 16 characters');
    await expectAccessible(page);

    const secret = 'cedar-grove-signing-secret-2026';
    await page.getByLabel('Webhook address').fill(receiver.url);
    await page.getByLabel('Signing secret').fill(secret);
    await page.getByRole('button', { name: 'Save webhook' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `Alerts will be sent to ${receiver.url}` })).toContainText(
      `${pending} alert${pending === 1 ? '' : 's'} from the last day that you had not received ${pending === 1 ? 'is' : 'are'} being sent now`,
    );
    // The secret is never shown again.
    await expect(page.getByLabel('Signing secret')).toHaveValue('');

    await expect(alerts.getByRole('row', { name: /Emergency.*Delivered/ })).toHaveCount(pending, { timeout: 30_000 });
    await screenshot(page, 'provider-alerts');
    expect(receiver.received).toHaveLength(pending);
    const delivery = receiver.received.find((each) => JSON.parse(each.body).referralId === referralId)!;
    expect(JSON.parse(delivery.body)).toMatchObject({ event: 'referral.shortlisted', referralId, urgency: 'emergency' });
    expect(delivery.signature).toBe(`sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`);
  } finally {
    receiver.close();
  }
});

import { createFixture } from './support/fixture';
import { startStack } from './support/stack';

/**
 * Starts the stack once for the run and publishes its address and fixture to the tests (Playwright
 * hands globalSetup's environment to its workers).
 */
export default async function globalSetup() {
  const stack = await startStack();
  process.env.WEB_STACK = JSON.stringify(stack);
  process.env.WEB_BASE_URL = stack.baseUrl;
  try {
    const fixture = await createFixture(stack.baseUrl, { email: stack.adminEmail, password: stack.adminPassword });
    process.env.WEB_FIXTURE = JSON.stringify(fixture);
  } catch (error) {
    const { stopStack } = await import('./support/stack');
    await stopStack(stack);
    throw error;
  }
}

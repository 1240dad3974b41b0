import { type Stack, stopStack } from './support/stack';

export default async function globalTeardown() {
  const stack = process.env.WEB_STACK;
  if (stack) await stopStack(JSON.parse(stack) as Stack);
}

/** bench:emergency's flood: routine referrals from another LA's clients, as fast as the api answers them. */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import type { Teardown } from '../support/teardown';

/**
 * The flooding clients, for a process of their own: told where and what, each POSTs routine
 * referrals as fast as the api answers until told to stop, then the process sends back how many
 * were taken and refused.
 */
const FLOOD_CLIENTS = `
const { randomUUID } = require('node:crypto');
process.once('message', (setup) => {
  let running = true;
  let sent = 0;
  const counts = { accepted: 0, refused: 0 };
  process.once('message', () => { running = false; });
  const client = async () => {
    while (running) {
      const response = await fetch(setup.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + setup.token, 'Idempotency-Key': randomUUID() },
        body: setup.bodies[(sent += 1) % setup.bodies.length],
      });
      await response.arrayBuffer();
      if (response.status === 202) counts.accepted += 1;
      else if (response.status === 429) counts.refused += 1;
      else throw new Error('POST /referrals: ' + response.status);
    }
  };
  Promise.all(Array.from({ length: setup.clients }, client)).then(() => process.send(counts, () => process.exit(0)));
});
`;

export interface FloodCounts {
  accepted: number;
  refused: number;
}

/**
 * Starts the flooding clients in their process at `nice` (killed at teardown); `stop()` tells them
 * to stop and answers how many referrals were taken and refused.
 */
export function startFlood(
  setup: { url: string; token: string; bodies: string[]; clients: number },
  nice: number,
  teardown: Teardown,
): { stop: () => Promise<FloodCounts> } {
  const flooding = spawn(process.execPath, ['-e', FLOOD_CLIENTS], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  teardown.add('stop the flood', async () => void flooding.kill('SIGKILL'));
  if (flooding.pid) setPriority(flooding.pid, nice);
  const floodCounts = new Promise<FloodCounts>((resolve, reject) => {
    flooding.once('message', (counts) => resolve(counts as FloodCounts));
    flooding.once('exit', (code) => reject(new Error(`the flooding clients exited with ${code}`)));
  });
  flooding.send(setup);
  return {
    stop: () => {
      flooding.send('stop');
      return floodCounts;
    },
  };
}

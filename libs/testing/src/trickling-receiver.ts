import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A webhook endpoint that answers its headers at once, then one byte every 500 ms for a minute:
 * never silent long enough for an idle timeout to fire. It counts the POSTs it received and the
 * connections it still holds.
 */
export interface TricklingReceiver {
  readonly url: string;
  posts(): number;
  open(): number;
  close(): Promise<void>;
}

export async function startTricklingReceiver(): Promise<TricklingReceiver> {
  const sockets = new Set<Socket>();
  let posts = 0;
  const server: Server = createServer((request, response) => {
    posts += 1;
    request.resume();
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.flushHeaders();
    let sent = 0;
    const timer = setInterval(() => (++sent >= 120 ? (clearInterval(timer), response.end()) : response.write('.')), 500);
    response.on('close', () => clearInterval(timer));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/placements`,
    posts: () => posts,
    open: () => sockets.size,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

import { Client } from 'pg';

/**
 * Connections of their own to a test database, each giving up on any lock after two seconds: a
 * test that two writers proceed at once fails fast, rather than hangs, if one waits for the other.
 */
export interface ImpatientSessions {
  open(): Promise<Client>;
  /** Ends every connection opened so far. */
  endAll(): Promise<void>;
}

export function impatientSessions(url: () => string): ImpatientSessions {
  const clients: Client[] = [];
  return {
    open: async () => {
      const client = new Client({ connectionString: url(), application_name: 'jest' });
      await client.connect();
      clients.push(client);
      await client.query(`SET lock_timeout = '2s'`);
      return client;
    },
    endAll: async () => {
      await Promise.all(clients.splice(0).map((client) => client.end()));
    },
  };
}

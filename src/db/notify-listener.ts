/**
 * @module One PostgreSQL LISTEN connection through which a Roster process hears the changes other
 * processes made (NOTIFY is delivered at commit). While it is down, nothing said on it can reach us:
 * callers then trust their caches only briefly (`listening` is false), and every time it is lost or
 * comes up `onReset` runs, because notifications may have been missed in between.
 */
import pg from 'pg';

export interface NotifyListener {
  /** Hands the payloads of `channel` to `handler` (as well as to the others); call before `start`. */
  on(channel: string, handler: (payload: string) => void): void;
  /** Runs `reset` whenever notifications may have been missed (connection lost or just made). */
  onReset(reset: () => void): void;
  /** Connects and listens; reconnects by itself every second after a loss until closed. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** Whether notifications can reach this process now. */
  readonly listening: boolean;
}

export function createNotifyListener(url: string): NotifyListener {
  const channels = new Map<string, ((payload: string) => void)[]>();
  const resets: (() => void)[] = [];
  const onReset = () => { for (const reset of resets) reset(); };
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;

  async function connect(): Promise<void> {
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    const lost = () => {
      if (client !== c) return;
      client = null;
      listening = false;
      onReset();
      c.end().catch(() => {});
      if (!closed) setTimeout(() => void connect().catch(() => {}), 1000).unref();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.payload === undefined) return;
      for (const handler of channels.get(n.channel) ?? []) handler(n.payload);
    });
    client = c;
    try {
      await c.connect();
      for (const channel of channels.keys()) await c.query(`LISTEN ${channel}`);
      // Anything cached before we were listening may have missed a notification.
      onReset();
      listening = true;
    } catch {
      lost();
    }
  }

  return {
    on(channel, handler) {
      channels.set(channel, [...(channels.get(channel) ?? []), handler]);
    },
    onReset: (reset) => void resets.push(reset),
    start: connect,
    async close() {
      closed = true;
      const c = client;
      client = null;
      listening = false;
      await c?.end().catch(() => {});
    },
    get listening() {
      return listening;
    },
  };
}

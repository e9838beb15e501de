import { authorize } from '@enlace/access';
import { LIVE_KINDS, ZLiveClientMessage } from '@enlace/contracts';
import type { TLiveClientMessage } from '@enlace/contracts';
import type { WebSocket } from 'ws';
import { resolveSession } from '../../platform/auth/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { ingestReports, reportFrom } from './ingest-reports.ts';
import type { LiveHub } from './live-hub.ts';
import { listAlerts } from './list-alerts.ts';
import type { CopActor } from './track-access.ts';

/** Largest message a client may send (a batch of 1,000 reports fits). */
export const LIVE_MAX_PAYLOAD = 1 << 20;
/** How often a connection's session is checked again (a revoked session or deactivated user is cut off). */
const SESSION_RECHECK_MS = 30_000;

/**
 * Serves one `/api/v1/live` connection: `subscribe` (area, forces, kinds, freshness) answered with a snapshot of
 * the tracks and the open alerts the user may see, then coalesced updates; `report` (field devices, needs
 * track:write) answered with the batch result; `ping` with `pong`. Bad messages get an `error` message, never a
 * crash; the connection stays open.
 */
export function serveLiveConnection(
  ctx: AppContext,
  hub: LiveHub,
  socket: WebSocket,
  actor: CopActor,
  sessionToken: string | null,
): void {
  const client = hub.add(socket, actor);
  const fail = (code: string, message: string): void => client.send({ type: 'error', code, message });
  let queue = Promise.resolve();

  const handle = async (msg: TLiveClientMessage): Promise<void> => {
    if (msg.type === 'ping') {
      client.send({ type: 'pong' });
      return;
    }
    if (msg.type === 'subscribe') {
      const kinds = new Set(msg.kinds ?? LIVE_KINDS);
      await hub.subscribe(client, { bbox: msg.bbox, forces: msg.forces, kinds, maxAgeSeconds: msg.maxAgeSeconds });
      if (kinds.has('alerts') && authorize(actor, 'alert:read').allow) {
        const open = await listAlerts(ctx, actor, { state: 'open', limit: 500 });
        for (const alert of open.reverse()) client.send({ type: 'alert', alert });
      }
      return;
    }
    if (!authorize(actor, 'track:write').allow) {
      fail('FORBIDDEN', 'track:write required to report positions');
      return;
    }
    const result = await ingestReports(ctx, actor, msg.reports.map((r) => reportFrom(actor, 'ws', r)));
    client.send({ type: 'reported', result });
  };

  socket.on('message', (data, isBinary) => {
    if (isBinary) return fail('LIVE_BAD_MESSAGE', 'text JSON messages only');
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
    } catch {
      return fail('LIVE_BAD_MESSAGE', 'not JSON');
    }
    const msg = ZLiveClientMessage.safeParse(parsed);
    if (!msg.success) {
      return fail('LIVE_BAD_MESSAGE', msg.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    // One message at a time per connection, in order.
    queue = queue
      .then(() => handle(msg.data))
      .catch((err: unknown) => {
        ctx.log.warn({ err }, 'live message failed');
        fail('INTERNAL', 'the message could not be processed');
      });
    return undefined;
  });

  const recheck = sessionToken
    ? setInterval(() => {
        resolveSession(ctx.db, sessionToken)
          .then((still) => {
            if (!still) {
              hub.remove(client);
              socket.close(4401, 'session ended');
            }
          })
          .catch(() => undefined);
      }, SESSION_RECHECK_MS)
    : null;
  recheck?.unref();

  socket.on('close', () => {
    if (recheck) clearInterval(recheck);
    hub.remove(client);
  });
  socket.on('error', () => hub.remove(client));
}

import { authorize } from '@enlace/access';
import { LIVE_KINDS, ZLiveClientMessage } from '@enlace/contracts';
import type { TLiveClientMessage } from '@enlace/contracts';
import type { WebSocket } from 'ws';
import { resolveSession } from '../../platform/auth/sessions.ts';
import { tokenHash } from '../../platform/auth/tokens.ts';
import type { AppContext } from '../../platform/context.ts';
import { ingestReports, reportFrom } from './ingest-reports.ts';
import type { LiveHub } from './live-hub.ts';
import { listAlerts } from './list-alerts.ts';
import type { CopActor } from './track-access.ts';

/** Largest message a client may send (a batch of 1,000 reports fits). */
export const LIVE_MAX_PAYLOAD = 1 << 20;

/** Whether a session read again still grants what the connection was opened with. */
function sameRights(now: CopActor, then: CopActor): boolean {
  return now.userId === then.userId && now.role === then.role && now.agency === then.agency && now.clearance === then.clearance;
}

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

  // The session is checked again when the bus says that it ended or that its user changed (logout, revocation,
  // deactivation, new role or clearance, on any instance), and also every `liveSessionRecheckMs` for changes made outside
  // the product. A connection whose session ended, or whose user now has other rights, is closed (4401): the browser
  // reconnects with what its session now allows, or not at all.
  let recheck: NodeJS.Timeout | null = null;
  const check = (cache: boolean): void => {
    resolveSession(ctx.db, sessionToken!, cache ? ctx.sessions : undefined)
      .then((now) => {
        if (!now || !sameRights(now, actor)) {
          hub.remove(client);
          socket.close(4401, now ? 'session changed' : 'session ended');
        }
      })
      .catch(() => undefined);
  };
  if (sessionToken) {
    // The hub calls this when the bus names the session or its user (one bus subscription for all connections).
    client.session = { hash: tokenHash(sessionToken), recheck: () => check(false) };
    // Periodic checks go through the session cache (a copy still there is valid: ended sessions leave it at once),
    // each connection at its own moment within the interval: connections opened together, as after a restart,
    // would otherwise all ask the database at once and hold up the pool (seen at full load in bench/cot-load).
    recheck = setTimeout(() => {
      check(true);
      recheck = setInterval(() => check(true), ctx.config.liveSessionRecheckMs);
      recheck.unref();
    }, Math.random() * ctx.config.liveSessionRecheckMs);
    recheck.unref();
  }

  socket.on('close', () => {
    if (recheck) clearTimeout(recheck); // clears an interval as well
    hub.remove(client);
  });
  socket.on('error', () => hub.remove(client));
}

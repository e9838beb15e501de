import type { TAlert, TChatMessage, TTrack } from '@enlace/contracts';
import { describe, expect, it } from 'vitest';
import { CopStore } from './cop-store.ts';
import { cleanTracks, dispatchLiveMessage, reconnectDelay, type LiveHandlers } from './live-client.ts';
import { Replay, replayTracksOf, type ReplayTrack } from './replay.ts';
import { baseStatusOf, normaliseStatus } from './status-types.ts';
import { freshnessOf, indexAt, passesFilter, trackFeature, videoUrlOf, type TrackProps } from './track-model.ts';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const iso = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString();

function track(uid: string, over: Partial<TTrack> = {}): TTrack {
  return {
    uid,
    callsign: uid,
    type: 'a-f-G-U-C',
    lat: -12.05,
    lon: -77.04,
    hae: null,
    ce: 5,
    le: null,
    course: 90,
    speed: 2,
    battery: 80,
    status: 'patrullando',
    time: iso(-10_000),
    stale: iso(110_000),
    how: 'm-g',
    source: 'api',
    force: 'PNP',
    unitId: null,
    agency: 'PNP',
    classification: 'PUBLICO',
    receivedAt: iso(-9_000),
    ...over,
  };
}

describe('unit status base types', () => {
  it('groups free statuses under base types, ignoring case, accents and separators', () => {
    expect(normaliseStatus('En_Intervención')).toBe('en intervencion');
    expect(baseStatusOf('patrullando')).toBe('patrolling');
    expect(baseStatusOf('EN_INCIDENTE')).toBe('engaged');
    expect(baseStatusOf('en camino')).toBe('en_route');
    expect(baseStatusOf('Disponible en base')).toBe('available');
    expect(baseStatusOf('fuera de servicio')).toBe('out_of_service');
    expect(baseStatusOf('EMERGENCIA')).toBe('emergency');
    expect(baseStatusOf('QRV')).toBe('available');
    expect(baseStatusOf('algo nuevo')).toBe('unknown');
    expect(baseStatusOf(null)).toBe('unknown');
  });

  it("an operator's mapping wins over the rules", () => {
    expect(baseStatusOf('Código 3', { 'codigo 3': 'engaged' })).toBe('engaged');
    expect(baseStatusOf('patrullando', { patrullando: 'available' })).toBe('available');
  });
});

describe('tracks as map features', () => {
  it('carries symbol, force, base status and freshness', () => {
    const props = trackFeature(track('A', { status: 'en_incidente' }), NOW).properties as TrackProps;
    expect(props.sidc).toBe('10031000002007000000');
    expect(props.force).toBe('PNP');
    expect(props.base).toBe('engaged');
    expect(props.freshness).toBe('live');
    expect(props.video).toBe(0);
  });

  it('freshness: live within a minute, then recent, stale after its stale time', () => {
    expect(freshnessOf(track('A'), NOW)).toBe('live');
    expect(freshnessOf(track('A', { time: iso(-90_000) }), NOW)).toBe('recent');
    expect(freshnessOf(track('A', { stale: iso(-1) }), NOW)).toBe('stale');
  });

  it('filters by force and freshness', () => {
    const filter = { forces: new Set(['PNP', 'EP'] as const), freshness: 'current' as const };
    expect(passesFilter({ force: 'PNP', freshness: 'recent' }, filter)).toBe(true);
    expect(passesFilter({ force: 'MGP', freshness: 'live' }, filter)).toBe(false);
    expect(passesFilter({ force: 'PNP', freshness: 'stale' }, filter)).toBe(false);
    expect(passesFilter({ force: 'PNP', freshness: 'recent' }, { ...filter, freshness: 'live' })).toBe(false);
  });

  it('takes a drone video link from CoT __video, and refuses script or data URLs', () => {
    expect(videoUrlOf({ detail: '<__video url="rtsp://10.0.0.5:554/live?a=1&amp;b=2" uid="x"/>' })).toBe('rtsp://10.0.0.5:554/live?a=1&b=2');
    expect(videoUrlOf({ detail: '<__video url="javascript:alert(1)"/>' })).toBeNull();
    expect(videoUrlOf({ detail: '<__video url="data:text/html,x"/>' })).toBeNull();
    expect(videoUrlOf({ videoUrl: 'https://video.local/d1' })).toBe('https://video.local/d1');
    expect(videoUrlOf({})).toBeNull();
  });

  it('finds the position at an instant by binary search', () => {
    const times = [10, 20, 30, 40];
    expect(indexAt(times, 5)).toBe(-1);
    expect(indexAt(times, 10)).toBe(0);
    expect(indexAt(times, 29)).toBe(1);
    expect(indexAt(times, 99)).toBe(3);
    expect(indexAt([], 1)).toBe(-1);
  });
});

describe('live messages', () => {
  function recorder(): LiveHandlers & { log: string[] } {
    const log: string[] = [];
    return {
      log,
      snapshot: (t) => log.push(`snapshot ${t.length}`),
      tracks: (t, removed) => log.push(`tracks ${t.length} -${removed.length}`),
      alert: (a) => log.push(`alert ${a.id}`),
      chat: (m) => log.push(`chat ${m.id}`),
      receipt: (r) => log.push(`receipt ${r.messageId}`),
      areas: (layers) => log.push(`areas ${layers.join('+')}`),
      state: (s) => log.push(`state ${s}`),
    };
  }

  it('dispatches each server message and ignores garbage without throwing', () => {
    const h = recorder();
    expect(dispatchLiveMessage(JSON.stringify({ type: 'snapshot', tracks: [track('A'), { uid: 'bad' }] }), h)).toBe(true);
    expect(dispatchLiveMessage(JSON.stringify({ type: 'tracks', tracks: [track('B')], removed: ['A', 7] }), h)).toBe(true);
    expect(dispatchLiveMessage(JSON.stringify({ type: 'alert', alert: { id: 'x' } }), h)).toBe(true);
    expect(dispatchLiveMessage('{not json', h)).toBe(false);
    expect(dispatchLiveMessage(JSON.stringify({ type: 'surprise' }), h)).toBe(false);
    expect(dispatchLiveMessage(JSON.stringify({ type: 'alert' }), h)).toBe(false);
    expect(dispatchLiveMessage('null', h)).toBe(false);
    expect(dispatchLiveMessage(JSON.stringify({ type: 'areas', layers: ['tasks', 'drop-tables', 7, 'legal'] }), h)).toBe(true);
    expect(dispatchLiveMessage(JSON.stringify({ type: 'areas', layers: ['nothing-known'] }), h)).toBe(false);
    expect(h.log).toEqual(['snapshot 1', 'tracks 1 -1', 'alert x', 'areas tasks+legal']);
  });

  it('keeps only well-formed tracks', () => {
    expect(cleanTracks([track('A'), { uid: 'B', lat: 'x', lon: 1, stale: '' }, null, 3])).toHaveLength(1);
    expect(cleanTracks('nope')).toEqual([]);
  });

  it('backs off between reconnects up to 15 s, with jitter', () => {
    expect(reconnectDelay(0, () => 0.5)).toBe(500);
    expect(reconnectDelay(3, () => 0.5)).toBe(4000);
    expect(reconnectDelay(50, () => 0.5)).toBe(15_000);
    expect(reconnectDelay(50, () => 1)).toBe(18_750);
    expect(reconnectDelay(0, () => 0)).toBe(375);
  });
});

describe('CopStore', () => {
  it('asks for every layer of areas again when the socket is back after a drop, not on the first connection', () => {
    const store = new CopStore(() => NOW);
    const asked: string[] = [];
    store.subscribeAreas((layers) => asked.push(layers.join('+')));
    store.state('connecting');
    store.state('live');
    expect(asked).toEqual([]);
    store.state('reconnecting');
    store.state('live');
    expect(asked).toEqual(['legal+tasks+geofences']);
  });

  it('takes a snapshot, then updates and removals; counts by base type and freshness', () => {
    const store = new CopStore(() => NOW);
    store.snapshot([track('A'), track('B', { status: 'en_incidente', source: 'sim' }), track('C', { stale: iso(-1) })]);
    store.tracks([track('A', { lat: -12.1, status: 'EMERGENCIA' })], ['C']);
    const summary = store.getSummary();
    expect(store.features.size).toBe(2);
    expect(store.features.get('A')?.geometry.coordinates[1]).toBe(-12.1);
    expect(store.track('C')).toBeUndefined();
    store.state('live');
    const fresh = store.getSummary();
    expect(fresh.version).toBeGreaterThan(summary.version);
    expect(fresh.total).toBe(2);
    expect(fresh.byBase.emergency).toBe(1);
    expect(fresh.byBase.engaged).toBe(1);
    expect(fresh.simulated).toBe(1);
    expect(fresh.state).toBe('live');
    expect(store.attention(5).map((a) => a.track.uid)).toEqual(['A', 'B']);
    store.dispose();
  });

  it('tracks go stale with time even without messages', () => {
    let now = NOW;
    const store = new CopStore(() => now);
    store.snapshot([track('A', { stale: iso(30_000) })]);
    expect((store.features.get('A')?.properties as TrackProps).freshness).toBe('live');
    now += 60_000;
    expect(store.refreshFreshness()).toBe(1);
    expect((store.features.get('A')?.properties as TrackProps).freshness).toBe('stale');
    expect(store.refreshFreshness()).toBe(0);
    store.dispose();
  });

  it('keeps alerts (open first) and chat messages with their receipts', () => {
    const store = new CopStore(() => NOW);
    const alert = (id: string, state: TAlert['state'], raisedAt: string, acknowledgedAt: string | null = null) =>
      ({ id, state, raisedAt, acknowledgedAt }) as TAlert;
    store.setAlerts([alert('old-open', 'open', iso(-5000)), alert('acked', 'acknowledged', iso(-1000), iso(-3_600_000))]);
    store.alert(alert('new-open', 'open', iso(-10)));
    store.state('live');
    expect(store.getSummary().alerts.map((a) => a.id)).toEqual(['new-open', 'old-open', 'acked']);
    // One just acknowledged stays where it was among the open ones (its confirmation shows); an hour later it moves down.
    store.alert(alert('new-open', 'acknowledged', iso(-10), iso(-1000)));
    expect(store.getSummary().alerts.map((a) => a.id)).toEqual(['new-open', 'old-open', 'acked']);
    store.alert(alert('new-open', 'acknowledged', iso(-10), iso(-3_600_000)));
    expect(store.getSummary().alerts.map((a) => a.id)).toEqual(['old-open', 'new-open', 'acked']);

    const message = { id: 'm1', roomId: 'r1', sentAt: iso(0), receipts: [] } as unknown as TChatMessage;
    store.chat(message);
    store.receipt({ messageId: 'm1', roomId: 'r1', kind: 'read', by: 'u2', byName: 'Operador', at: iso(1), agency: 'PNP', classification: 'PUBLICO' });
    store.receipt({ messageId: 'm1', roomId: 'r1', kind: 'read', by: 'u2', byName: 'Operador', at: iso(2), agency: 'PNP', classification: 'PUBLICO' });
    expect(store.roomMessages('r1')[0]?.receipts).toHaveLength(1);
    store.dispose();
  });
});

describe('replay', () => {
  const history: ReplayTrack = {
    uid: 'A',
    callsign: 'A',
    type: 'a-f-G-U-C',
    force: 'EP',
    source: 'api',
    times: [0, 60_000, 120_000],
    points: [0, 1, 2].map((i) => ({ time: iso(i * 60_000), lat: -12 - i / 100, lon: -77, hae: null, course: null, speed: null, status: 'patrullando' })),
  };

  it('shows each track where it was at the cursor, with its trail so far', () => {
    const replay = new Replay([{ ...history, times: history.times.map((t) => NOW + t) }], NOW - 1000, NOW + 600_000);
    replay.seek(NOW - 500);
    expect(replay.features.size).toBe(0);
    replay.seek(NOW + 90_000);
    expect(replay.features.get('A')?.geometry.coordinates[1]).toBeCloseTo(-12.01);
    expect(replay.trails().features[0]?.geometry.coordinates).toHaveLength(2);
    replay.seek(NOW + 500_000);
    expect((replay.features.get('A')?.properties as TrackProps).freshness).toBe('stale');
    replay.seek(NOW + 10_000_000);
    expect(replay.time).toBe(NOW + 600_000);
  });

  it('builds the replay from one bulk history answer, keeping only the forces shown and ordering positions in time', () => {
    const point = (minute: number, lat: number) => ({ time: iso(minute * 60_000), lat, lon: -77, hae: null, course: null, speed: null, status: null });
    const tracks = replayTracksOf(
      {
        since: iso(0),
        until: iso(600_000),
        points: 4,
        truncated: false,
        tracks: [
          { uid: 'P', callsign: 'PATRULLA', type: 'a-f-G-U-C', force: 'PNP', source: 'cot', points: [point(2, -12.02), point(1, -12.01)] },
          { uid: 'E', callsign: 'PELOTÓN', type: 'a-f-G-U-C', force: 'EP', source: 'api', points: [point(1, -12.1)] },
          { uid: 'X', callsign: 'X', type: 'a-u-G', force: null, source: null, points: [point(1, -12.2)] },
        ],
      },
      new Set(['PNP', 'none'] as const),
    );
    expect(tracks.map((t) => t.uid)).toEqual(['P', 'X']);
    expect(tracks[0]?.points.map((p) => p.lat)).toEqual([-12.01, -12.02]);
    expect(tracks[0]?.times).toEqual([Date.parse(iso(60_000)), Date.parse(iso(120_000))]);
    expect(tracks[1]?.source).toBe('api');
  });
});

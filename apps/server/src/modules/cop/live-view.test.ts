import type { TTrack } from '@enlace/contracts';
import { describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../platform/events/memory-bus.ts';
import { LiveView, trackLabelsKey, viewKey } from './live-view.ts';
import type { CopActor } from './track-access.ts';
import { TrackPublisher } from './track-publisher.ts';

const at = new Date().toISOString();
const track = (uid: string, o: Partial<TTrack> = {}): TTrack => ({
  uid, callsign: uid, type: 'a-f-G', lat: -12.05, lon: -77.05, hae: null, ce: null, le: null, course: null, speed: null,
  battery: null, status: null, time: at, stale: at, how: null, source: 'api', force: 'EP', unitId: null, agency: 'EP',
  classification: 'PUBLICO', receivedAt: at, ...o,
});
const person = (role: CopActor['role'], agency: CopActor['agency'], clearance: CopActor['clearance']): CopActor => ({
  userId: crypto.randomUUID(), username: 'u', role, agency, clearance,
});
const BOX = [-77.1, -12.1, -77.0, -12.0] as const;

describe('LiveView', () => {
  it('shares one key between users who may read the same labels and watch the same area, and not otherwise', () => {
    const a = trackLabelsKey(person('operator', 'PNP', 'CONFIDENCIAL'));
    const b = trackLabelsKey(person('operator', 'PNP', 'CONFIDENCIAL'));
    const c = trackLabelsKey(person('operator', 'EP', 'CONFIDENCIAL'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(viewKey(a, { bbox: BOX, forces: ['EP', 'PNP'] })).toBe(viewKey(b, { bbox: BOX, forces: ['PNP', 'EP'] }));
    expect(viewKey(a, { bbox: BOX })).not.toBe(viewKey(a, {}));
  });

  it('checks each change against the view once: matching tracks, and removals of what it held', () => {
    const pnp = person('operator', 'PNP', 'CONFIDENCIAL');
    const view = new LiveView('k', pnp, { bbox: BOX });
    expect(view.snapshot([track('IN'), track('OUT', { lat: -11 }), track('SECRET', { classification: 'SECRETO' })], Date.now()).map((t) => t.uid)).toEqual(['IN']);
    const now = Date.now();
    // IN leaves the box, NEW enters it, SECRET is above the reader's clearance, GONE was never held.
    const batch = view.batch(
      new Map<string, TTrack | null>([
        ['IN', track('IN', { lat: -11 })],
        ['NEW', track('NEW')],
        ['SECRET', track('SECRET', { classification: 'SECRETO' })],
        ['GONE', null],
      ]),
      now,
    );
    expect(batch).toEqual({ tracks: [track('NEW')], removed: ['IN'] });
    expect(view.batch(new Map([['NEW', null]]), now)).toEqual({ tracks: [], removed: ['NEW'] });
    expect(view.batch(new Map([['OTHER', track('OTHER', { lat: 0 })]]), now)).toBeNull();
  });
});

describe('TrackPublisher', () => {
  it('publishes the changes of one turn of the event loop as one message, latest state per uid', async () => {
    const bus = createMemoryBus();
    const messages: { tracks: TTrack[] }[] = [];
    bus.subscribe('cop.track', (e) => messages.push(e.data as { tracks: TTrack[] }));
    const publisher = new TrackPublisher(bus, (err) => {
      throw err;
    });
    publisher.publish([track('A'), track('B', { lat: -12.01 })]);
    publisher.publish([track('B', { lat: -12.02 })]);
    await new Promise((ok) => setTimeout(ok, 20));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.tracks.map((t) => [t.uid, t.lat])).toEqual([['A', -12.05], ['B', -12.02]]);
  });

  it('splits a large batch so that each message stays under the bus payload limit', async () => {
    const bus = createMemoryBus();
    const sizes: number[] = [];
    bus.subscribe('cop.track', (e) => sizes.push(JSON.stringify(e.data).length));
    const publisher = new TrackPublisher(bus, () => undefined);
    publisher.publish(Array.from({ length: 400 }, (_, i) => track(`T${i}`, { detail: `<x v="${'y'.repeat(4000)}"/>` })));
    publisher.flush();
    await new Promise((ok) => setTimeout(ok, 20));
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThan(1024 * 1024);
  });
});


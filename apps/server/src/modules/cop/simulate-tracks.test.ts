import { describe, expect, it } from 'vitest';
import { positionOnRoute } from './simulate-tracks.ts';

describe('simulated routes', () => {
  const route = [[-77.0, -12.0], [-77.0, -12.01]] as const;

  it('moves along a route and comes back, with the course of travel', () => {
    const start = positionOnRoute(route, 0);
    expect(start).toMatchObject({ lon: -77.0, lat: -12.0 });
    const south = positionOnRoute(route, 500);
    expect(south.lat).toBeCloseTo(-12.0045, 3);
    expect(south.course).toBeCloseTo(180, 0);
    const back = positionOnRoute(route, 1112 + 500);
    expect(back.lat).toBeCloseTo(-12.0055, 3);
    expect(back.course).toBeCloseTo(0, 0);
  });
});

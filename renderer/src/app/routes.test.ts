// Tests for route parsing: areas, items, the default page, and hashes that are not routes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH, itemPath, landingPath, normalisePath, parseRoute } from './routes';

describe('routes', () => {
  it('parses areas and items', () => {
    expect(parseRoute('/offices')).toEqual({ area: 'offices', item: null });
    expect(parseRoute('#/staff/new')).toEqual({ area: 'staff', item: 'new' });
    expect(parseRoute(itemPath('users', 'a b'))).toEqual({ area: 'users', item: 'a b' });
  });

  it('opens the default page for an empty hash or a leftover token', () => {
    expect(normalisePath('')).toBe(DEFAULT_PATH);
    expect(normalisePath('#/')).toBe(DEFAULT_PATH);
    expect(normalisePath('#token=abc')).toBe(DEFAULT_PATH);
  });

  it('does not recognise unknown areas or too deep paths', () => {
    expect(parseRoute('/secret')).toEqual({ area: null, item: null });
    expect(parseRoute('/offices/1/extra')).toEqual({ area: null, item: null });
  });
});

describe('landingPath', () => {
  it("sends each role to its work screen, and several roles to the first of them", () => {
    expect(landingPath(['receptionist'])).toBe('/consultations/new');
    expect(landingPath(['nurse'])).toBe('/consultations/new');
    expect(landingPath(['lead'])).toBe('/overview');
    expect(landingPath(['doctor'])).toBe('/routines');
    expect(landingPath(['admin'])).toBe('/settings');
    expect(landingPath(['admin', 'doctor'])).toBe('/routines');
    expect(landingPath(['lead', 'nurse'])).toBe('/consultations/new');
    expect(landingPath([])).toBe(DEFAULT_PATH);
  });
});

// Tests for the settings form: only changed settings are saved, and the cooperation name is required.
import { describe, expect, it } from 'vitest';
import { settingsChanges, settingsFormErrors } from './settings-form';

const OFFICE = '01900000-0000-7000-8000-000000000001';

describe('settings form', () => {
  it('finds what changed', () => {
    const saved = { deviceOfficeId: null, cooperationName: 'Indre Namdal' };
    expect(settingsChanges({ deviceOfficeId: '', cooperationName: ' Indre Namdal ' }, saved)).toEqual({});
    expect(settingsChanges({ deviceOfficeId: OFFICE, cooperationName: 'Nytt navn' }, saved)).toEqual({
      deviceOfficeId: OFFICE,
      cooperationName: 'Nytt navn',
    });
    expect(settingsChanges({ deviceOfficeId: '', cooperationName: 'Indre Namdal' }, { ...saved, deviceOfficeId: OFFICE })).toEqual({
      deviceOfficeId: null,
    });
  });

  it('requires a cooperation name', () => {
    expect(settingsFormErrors({ deviceOfficeId: '', cooperationName: '  ' })).toEqual({ cooperationName: 'required' });
  });
});

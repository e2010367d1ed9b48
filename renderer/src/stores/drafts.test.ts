// Tests for drafts kept across a lost session: given back once, and only to the same user on the same page.
import { describe, expect, it } from 'vitest';
import { draftKey, keepDraft, takeDraft } from './drafts';

describe('drafts', () => {
  it('gives a draft back once, to the same user, page and form only', () => {
    keepDraft(draftKey('user-1', '/staff/new', 'staff'), { name: 'Nora' });
    expect(takeDraft(draftKey('user-2', '/staff/new', 'staff'))).toBeUndefined();
    expect(takeDraft(draftKey('user-1', '/offices/new', 'staff'))).toBeUndefined();
    expect(takeDraft(draftKey('user-1', '/staff/new', 'staff'))).toEqual({ name: 'Nora' });
    expect(takeDraft(draftKey('user-1', '/staff/new', 'staff'))).toBeUndefined();
  });
});

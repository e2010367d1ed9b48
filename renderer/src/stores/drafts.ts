// Form values kept in memory when a save fails because the session ended, so the same user gets them back after signing in again.

const drafts = new Map<string, unknown>();

/** One draft per user, page and form: a different person signing in on a shared PC never sees it. */
export function draftKey(userId: string, path: string, formId: string): string {
  return `${userId}|${path}|${formId}`;
}

export function keepDraft(key: string, values: unknown): void {
  drafts.set(key, values);
}

/** Returns the draft once and forgets it. */
export function takeDraft<V>(key: string): V | undefined {
  const draft = drafts.get(key) as V | undefined;
  drafts.delete(key);
  return draft;
}

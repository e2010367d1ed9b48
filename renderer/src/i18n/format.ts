// Fills message templates: `{name}` inserts a parameter, `{count:ansatt|ansatte}` picks singular or plural by a number.

export type MessageParams = Record<string, string | number>;

export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g, (whole, name: string, singular?: string, plural?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (singular !== undefined && plural !== undefined) return Number(value) === 1 ? singular : plural;
    return String(value);
  });
}

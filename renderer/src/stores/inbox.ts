// The signed-in user's inbox from the query cache, shared by the header's count and the inbox page.
import { useQuery } from './query';

/** The inbox reads requests and the rota (decisions change shifts; notices come from rota changes), names of people and offices. */
export const INBOX_AREAS = ['requests', 'rota', 'staff', 'offices'] as const;

export function useInbox() {
  return useQuery('requests.inbox', {}, INBOX_AREAS);
}

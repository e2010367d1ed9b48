// HTTP transport for the browser harness: POST /api/call with the access token, server-sent events from /api/events.
import type { ApiTransport, BackendEvent } from '../../../backend/api-types';
import { ApiCallError } from './errors';

type CallResult = Awaited<ReturnType<ApiTransport['call']>>;

function isCallResult(value: unknown): value is CallResult {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as { ok?: unknown; error?: unknown };
  if (body.ok === true) return 'value' in body;
  return body.ok === false && typeof body.error === 'object' && body.error !== null && typeof (body.error as { code?: unknown }).code === 'string';
}

export function isBackendEvent(value: unknown): value is BackendEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as { type?: unknown; area?: unknown };
  return event.type === 'data.changed' && typeof event.area === 'string';
}

export function createHttpTransport(accessToken: string | null, fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiTransport {
  return {
    async call(method, input, sessionToken) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (accessToken) headers.authorization = `Bearer ${accessToken}`;
      if (sessionToken) headers['x-samvakt-session'] = sessionToken;
      let response: Response;
      try {
        response = await fetchImpl('/api/call', { method: 'POST', headers, body: JSON.stringify({ method, input }) });
      } catch {
        throw new ApiCallError({ code: 'client.unreachable' });
      }
      // Only the access-token check answers 401; the backend's own refusals come back as 200 with ok:false.
      if (response.status === 401) throw new ApiCallError({ code: 'client.accessDenied' });
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new ApiCallError({ code: response.status >= 500 ? 'client.unreachable' : 'client.badResponse' });
      }
      if (!isCallResult(body)) throw new ApiCallError({ code: 'client.badResponse' });
      return body;
    },
    subscribe(listener) {
      if (typeof EventSource === 'undefined' || !accessToken) return () => undefined;
      // EventSource reconnects by itself after the harness restarts.
      const source = new EventSource(`/api/events?token=${encodeURIComponent(accessToken)}`);
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          const event: unknown = JSON.parse(message.data);
          if (isBackendEvent(event)) listener(event);
        } catch {
          // A malformed event is ignored; the next change event refreshes the screen anyway.
        }
      };
      return () => source.close();
    },
  };
}

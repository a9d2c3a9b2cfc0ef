// Graceful shutdown of an HTTP server: stop accepting, close keep-alive connections politely, let requests finish.
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

export interface DrainOutcome {
  /** Whether the drain timeout ran out and connections still busy were closed. */
  timedOut: boolean;
  milliseconds: number;
}

export interface Drainable {
  /** Starts draining (once); resolves when every connection is closed or the timeout has passed. */
  drain(): Promise<DrainOutcome>;
}

const idleSweepMilliseconds = 50;

/**
 * While draining: the listening socket is closed; every response not yet started carries `Connection: close`, so a
 * keep-alive client closes after the answer it is waiting for; keep-alive sockets that stay idle are closed after
 * `idleGraceMilliseconds` (then every 50 ms); after `timeoutMilliseconds` the remaining connections are closed.
 *
 * Idle sockets are not closed at once: under load, a request can sit unread in a socket's buffer while the event
 * loop is busy, and closing that socket would reset the client. During the grace period such requests are read
 * and answered with `Connection: close`.
 */
export function drainable({ server, lifecycle, timeoutMilliseconds, idleGraceMilliseconds = 500 }: { server: Server; lifecycle: { draining: boolean }; timeoutMilliseconds: number; idleGraceMilliseconds?: number }): Drainable {
  // Responses whose headers are not sent yet: they get `Connection: close` when draining starts.
  const pending = new Set<ServerResponse>();
  server.prependListener('request', function closeAfterResponse(_request, response: ServerResponse) {
    if (lifecycle.draining) {
      response.setHeader('connection', 'close');
      return;
    }
    pending.add(response);
    response.once('close', () => pending.delete(response));
  });
  let drained: Promise<DrainOutcome> | null = null;
  return {
    drain() {
      drained ??= new Promise<DrainOutcome>((resolve) => {
        const started = performance.now();
        lifecycle.draining = true;
        for (const response of pending) if (!response.headersSent) response.setHeader('connection', 'close');
        pending.clear();
        let grace: NodeJS.Timeout | undefined;
        let sweep: NodeJS.Timeout | undefined;
        let deadline: NodeJS.Timeout | undefined;
        const finish = (timedOut: boolean) => {
          clearTimeout(grace);
          clearInterval(sweep);
          clearTimeout(deadline);
          resolve({ timedOut, milliseconds: Math.round(performance.now() - started) });
        };
        // net.Server's close stops accepting without http.Server's immediate closing of idle connections.
        NetServer.prototype.close.call(server, () => finish(false));
        grace = setTimeout(() => {
          server.closeIdleConnections();
          sweep = setInterval(() => server.closeIdleConnections(), idleSweepMilliseconds);
        }, Math.min(idleGraceMilliseconds, timeoutMilliseconds));
        deadline = setTimeout(() => {
          server.closeAllConnections();
          finish(true);
        }, timeoutMilliseconds);
      });
      return drained;
    },
  };
}

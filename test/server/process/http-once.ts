// One request on a connection of its own (no keep-alive), so that node:cluster hands each to the next worker.
import { request } from 'node:http';

export interface OnceResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => any;
}

export function httpOnce(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<OnceResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, agent: false, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text, json: () => JSON.parse(text) }));
    });
    outgoing.on('error', reject);
    outgoing.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Raw HTTP requests for the e2e tests, with Node's own client (no fetch, no retries, headers exactly as given). */
import * as http from 'http';

/** A whole reply: its status, its content type and its body as UTF-8 text. */
export interface RawReply {
  status: number;
  contentType: string | undefined;
  text: string;
}

/** Sends one request (`body`, if any, as is) and resolves with the whole reply; rejects on a socket error. */
export function httpRequest(options: http.RequestOptions, body?: string | Buffer): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(options, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, contentType: res.headers['content-type'], text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The error a request promise rejects with; fails the test when the request was accepted. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('the request was accepted');
}

import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';

const digests = new WeakMap<FastifyRequest, string>();

/**
 * A `preParsing` hook that computes the SHA-256 of the request body as it arrives (the bytes the client sent, which
 * it can hash again to prove what it asked), without a second pass over a large body.
 */
export async function digestRequestBody(req: FastifyRequest, _reply: FastifyReply, payload: RequestPayload): Promise<RequestPayload> {
  const hash = createHash('sha256');
  let received = 0;
  const tee = new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.length;
      (tee as Transform & { receivedEncodedLength?: number }).receivedEncodedLength = received;
      hash.update(bytes);
      callback(null, bytes);
    },
    flush(callback) {
      digests.set(req, hash.digest('hex'));
      callback();
    },
  });
  payload.on('error', (err) => tee.destroy(err));
  return payload.pipe(tee);
}

/** The SHA-256 (hex) of the request's body, when `digestRequestBody` ran on it. */
export const requestBodyDigest = (req: FastifyRequest): string | undefined => digests.get(req);

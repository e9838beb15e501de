/**
 * Deletes the JetStream streams whose names start with a prefix (CI: the streams earlier test runs made).
 * Usage: tsx tools/nats-cleanup.ts nats://127.0.0.1:4222 ENLACECI
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

const [url = 'nats://127.0.0.1:4222', prefix = 'ENLACECI'] = process.argv.slice(2);
if (prefix.length < 4) throw new Error('refusing a prefix shorter than 4 characters');
const nc = await connect({ servers: url, timeout: 5000 });
const jsm = await jetstreamManager(nc);
let deleted = 0;
for await (const s of jsm.streams.list()) {
  if (s.config.name.startsWith(prefix)) {
    await jsm.streams.delete(s.config.name);
    deleted++;
  }
}
await nc.drain();
process.stderr.write(`nats-cleanup: deleted ${deleted} stream(s) starting with ${prefix}\n`);

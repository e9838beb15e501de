/**
 * A load client in its own process (so it does not share the server's event loop): POSTs a small unit
 * with `clients` concurrent keep-alive loops for `seconds`, prints `{rate, failed}` as JSON.
 * Usage: tsx bench/http-load-client.ts URL TOKEN CLIENTS SECONDS
 */
const [url = '', token = '', clientsArg = '8', secondsArg = '5'] = process.argv.slice(2);
const clients = Number(clientsArg);
const seconds = Number(secondsArg);
let done = 0;
let failed = 0;
const until = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; Date.now() < until; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: `Patrulla ${c}-${i}`, shortName: 'P', force: 'PNP', echelon: 'peloton', classification: 'PUBLICO' }),
      });
      await res.arrayBuffer();
      if (res.status === 201) done++;
      else failed++;
    }
  }),
);
process.stdout.write(JSON.stringify({ rate: done / seconds, failed }));
export {};

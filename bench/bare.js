/**
 * The ceiling: a bare Node HTTP server answering each path with bytes held in memory, the same bytes
 * Strapi answered with: the body and the headers (security headers, CORS, ETag, Cache-Control…; Node
 * adds Date and the connection's own, as it does for Strapi). Nothing it does can be faster for these
 * responses. Sends { ready, port } when listening; given
 * { responses: { "/path?query": { headers: [name, value, …], body (base64) } } } over IPC, serves them
 * and answers { loaded }.
 */
const http = require('http');

const table = new Map();
const server = http.createServer((request, response) => {
  const found = table.get(request.url);
  if (!found) {
    response.writeHead(404);
    return response.end();
  }
  response.writeHead(200, found.headers);
  response.end(found.body);
});
server.keepAliveTimeout = 60_000;
process.on('message', ({ responses }) => {
  for (const [url, { headers, body }] of Object.entries(responses)) table.set(url, { headers, body: Buffer.from(body, 'base64') });
  process.send({ loaded: table.size });
});
server.listen(0, '127.0.0.1', () => process.send({ ready: true, port: server.address().port }));

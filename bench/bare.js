/**
 * The ceiling: a bare Node HTTP server answering each path with bytes held in memory, the same bytes
 * (and content type) Strapi answered with. Nothing it does can be faster for these responses. Sends
 * { ready, port } when listening; given { responses: { "/path?query": { contentType, body (base64) } } }
 * over IPC, serves them and answers { loaded }.
 */
const http = require('http');

const table = new Map();
const server = http.createServer((request, response) => {
  const found = table.get(request.url);
  if (!found) {
    response.writeHead(404);
    return response.end();
  }
  response.writeHead(200, { 'content-type': found.contentType, 'content-length': found.body.length });
  response.end(found.body);
});
server.keepAliveTimeout = 60_000;
process.on('message', ({ responses }) => {
  for (const [url, { contentType, body }] of Object.entries(responses)) table.set(url, { contentType, body: Buffer.from(body, 'base64') });
  process.send({ loaded: table.size });
});
server.listen(0, '127.0.0.1', () => process.send({ ready: true, port: server.address().port }));

import net from 'node:net';

/**
 * The unit project's promise, held: a unit test that opens or listens on a socket fails at once,
 * naming it, instead of quietly becoming an integration test.
 */
function refuse(what: string): never {
  throw new Error(`unit tests open no sockets (${what}): move this test to the integration project`);
}
net.Socket.prototype.connect = function connect() {
  return refuse('a connection');
};
net.Server.prototype.listen = function listen() {
  return refuse('a listening server');
};

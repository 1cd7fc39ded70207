/**
 * The server's connection. Over --stdio the server builds its own reader, so that a broken frame
 * (a header without a valid Content-Length) ends the process with a message instead of leaving
 * it alive but deaf: the client sees the exit and restarts it. Other transports (VS Code's IPC)
 * frame for us. Requests before initialize get ServerNotInitialized (-32002), as the LSP asks.
 */
import {
  type Connection,
  createConnection,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

export function openConnection(): { connection: Connection; markInitialized(): void } {
  let shutdownReceived = false;
  let initialized = false;
  let connection: Connection;
  if (process.argv.includes('--stdio')) {
    const reader = new StreamMessageReader(process.stdin);
    reader.onError((error) => {
      if (!/Content-Length|Header must provide/.test(error.message)) return; // a bad body: that message alone is dropped
      process.stderr.write(`tifa-language-server: the client sent a malformed message header (${error.message.split('\n')[0]}); exiting so that the client can restart the server.\n`);
      process.exit(1);
    });
    process.stdin.on('end', () => process.exit(shutdownReceived ? 0 : 1));
    connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
    connection.onShutdown(() => {
      shutdownReceived = true;
    });
  } else {
    connection = createConnection(ProposedFeatures.all);
  }
  // The last safety net: a promise nobody caught is logged, never the end of the server.
  process.on('unhandledRejection', (reason) => connection.console.error(`Tifa: unhandled error: ${(reason as Error)?.stack ?? reason}`));
  // Feature handlers are registered in onInitialize: before it, every request lands here.
  connection.onRequest((method) =>
    initialized ? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`) : new ResponseError(ErrorCodes.ServerNotInitialized, `The server is not initialized: send initialize before ${method}.`),
  );
  return {
    connection,
    markInitialized: () => {
      initialized = true;
    },
  };
}

// The stdio transport, with the JSON-RPC error handling vscode-jsonrpc leaves to the server: a body that is not JSON
// is answered with -32700 (Parse error, id null) and the session goes on; a broken header means the byte stream can no
// longer be framed, so it is logged to stderr and the server exits non-zero instead of hanging on garbage.
import {
  ErrorCodes,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

export const PARSE_ERROR = -32700;
const BROKEN_HEADER = /^(Header must provide a Content-Length|Content-Length value must be a number)/;
const MAX_ECHOED = 200;

export function stdioTransport(exit: (code: number) => void = (code) => process.exit(code)): [MessageReader, MessageWriter] {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    const text = error instanceof Error ? error.message : String(error);
    if (BROKEN_HEADER.test(text)) {
      process.stderr.write(`corroborate: LSP framing broken, exiting: ${text.slice(0, MAX_ECHOED)}\n`);
      exit(1);
      return;
    }
    void writer.write({ jsonrpc: '2.0', id: null, error: { code: PARSE_ERROR, message: `Parse error: ${text.slice(0, MAX_ECHOED)}` } } as never);
  });
  return [withParamsCheck(reader, writer), writer];
}

// Requests of these methods carry an object; vscode-languageserver reads fields of it before any handler runs, so
// `params: null` would come back as -32603 with a TypeError's text.
const NEEDS_PARAMS = /^(initialize|textDocument\/|workspace\/executeCommand|corroborate\/compareAt)/;

function withParamsCheck(reader: MessageReader, writer: MessageWriter): MessageReader {
  const listen = reader.listen.bind(reader);
  reader.listen = (callback: DataCallback) =>
    listen((message: Message) => {
      const request = message as Message & { id?: unknown; method?: unknown; params?: unknown };
      const isRequest = typeof request.method === 'string' && (typeof request.id === 'number' || typeof request.id === 'string');
      if (isRequest && NEEDS_PARAMS.test(request.method as string) && (typeof request.params !== 'object' || request.params === null)) {
        void writer.write({ jsonrpc: '2.0', id: request.id, error: { code: ErrorCodes.InvalidParams, message: `${request.method as string} needs params (an object)` } } as never);
        return;
      }
      callback(message);
    });
  return reader;
}

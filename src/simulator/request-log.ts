import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { API_KEY_PREFIX } from './contract.js';
import type { Fault } from './faults.js';

export type AuthMethod = 'oauth' | 'mtls' | 'apikey' | 'none';

/** What the simulator saw of one request; tests read these to check what a client really sent. */
export interface SimRequestLog {
  readonly at: Date;
  readonly method: string;
  readonly path: string;
  /** As claimed by the request's headers, then as established once credentials check out. */
  authMethod: AuthMethod;
  clientId: string | undefined;
  /** 0 until answered, and for a reset or a request whose client went away first. */
  status: number;
  /** Request Content-Type, parameters included. */
  readonly contentType: string | undefined;
  /** Multipart field names in the order they arrived, file and text fields alike. */
  fields: string[];
  fileCount: number;
  /** The type each file's magic bytes showed, in the order they were read (what BitMind really got). */
  fileTypes: string[];
  /** Body bytes read off the socket, including any drained after an early answer. */
  bytesReceived: number;
  readonly clientCertHeader: boolean;
  /** Whether the TLS handshake carried a client certificate (https only). */
  readonly tlsClientCert: boolean;
  /** The scripted fault this request met, if any. */
  fault: Fault['kind'] | undefined;
}

function claimedAuth(req: IncomingMessage): AuthMethod {
  const auth = req.headers.authorization;
  if (auth === undefined) return req.headers['x-client-cert'] === undefined ? 'none' : 'mtls';
  if (auth.startsWith(`Bearer ${API_KEY_PREFIX}`)) return 'apikey';
  return req.headers['x-client-cert'] === undefined ? 'oauth' : 'mtls';
}

function hasTlsClientCert(req: IncomingMessage): boolean {
  const socket = req.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function') return false;
  return Object.keys(socket.getPeerCertificate()).length > 0;
}

export function logEntryFor(req: IncomingMessage, path: string): SimRequestLog {
  return {
    at: new Date(),
    method: req.method ?? 'GET',
    path,
    authMethod: claimedAuth(req),
    clientId: undefined,
    status: 0,
    contentType: req.headers['content-type'],
    fields: [],
    fileCount: 0,
    fileTypes: [],
    bytesReceived: 0,
    clientCertHeader: req.headers['x-client-cert'] !== undefined,
    tlsClientCert: hasTlsClientCert(req),
    fault: undefined,
  };
}

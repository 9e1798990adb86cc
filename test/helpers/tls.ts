import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OPENSSL = '/usr/bin/openssl';

/** A PEM pair on disk and in memory: tests may hand either the strings or the paths to the code under test. */
export interface TestKeyPair {
  readonly key: string;
  readonly cert: string;
  readonly keyPath: string;
  readonly certPath: string;
}

export interface TestTls {
  /** The temp directory every file lives in; removed when the process exits. */
  readonly dir: string;
  /** The throwaway CA that signed `server` and `client`. */
  readonly ca: TestKeyPair;
  /** For 127.0.0.1 (subjectAltName IP:127.0.0.1), signed by `ca`. */
  readonly server: TestKeyPair;
  /** A client certificate signed by `ca`: the one a server trusting `ca` accepts. */
  readonly client: TestKeyPair;
  /** Another CA nobody trusts. */
  readonly otherCa: TestKeyPair;
  /** A client certificate signed by `otherCa`: a server trusting `ca` refuses it. */
  readonly wrongClient: TestKeyPair;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

async function makeCa(dir: string, name: string): Promise<TestKeyPair> {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.crt`);
  await run(OPENSSL, [
    'req', '-x509', ...EC_KEY, '-days', '2', '-subj', `/CN=bitmind-bot test ${name}`,
    '-keyout', keyPath, '-out', certPath,
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]); // prettier-ignore
  return load(keyPath, certPath);
}

async function makeLeaf(
  dir: string,
  name: string,
  ca: TestKeyPair,
  extensions: readonly string[],
): Promise<TestKeyPair> {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.crt`);
  await run(OPENSSL, [
    'req', '-x509', ...EC_KEY, '-days', '2', '-subj', `/CN=${name}`,
    '-CA', ca.certPath, '-CAkey', ca.keyPath,
    '-keyout', keyPath, '-out', certPath,
    '-addext', 'basicConstraints=critical,CA:FALSE',
    ...extensions.flatMap((e) => ['-addext', e]),
  ]); // prettier-ignore
  return load(keyPath, certPath);
}

async function load(keyPath: string, certPath: string): Promise<TestKeyPair> {
  const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
  return { key, cert, keyPath, certPath };
}

async function generate(): Promise<TestTls> {
  const dir = await mkdtemp(join(tmpdir(), 'bitmind-bot-tls-'));
  // 'exit' handlers run synchronously only, hence rmSync.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const [ca, otherCa] = await Promise.all([makeCa(dir, 'ca'), makeCa(dir, 'other-ca')]);
  const [server, client, wrongClient] = await Promise.all([
    makeLeaf(dir, '127.0.0.1', ca, ['subjectAltName=IP:127.0.0.1', 'extendedKeyUsage=serverAuth']),
    makeLeaf(dir, 'test-client', ca, ['extendedKeyUsage=clientAuth']),
    makeLeaf(dir, 'wrong-client', otherCa, ['extendedKeyUsage=clientAuth']),
  ]);
  return { dir, ca, server, client, otherCa, wrongClient };
}

let cached: Promise<TestTls> | undefined;

/** Throwaway certificates made with the openssl CLI, once per test process. */
export function testTls(): Promise<TestTls> {
  cached ??= generate();
  return cached;
}

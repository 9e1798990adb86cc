import busboy from 'busboy';
import type { MediaKind } from './contract.js';
import { HttpError, countBody, type Exchange } from './http.js';
import { measure, type MeasuredFile } from './measure.js';

export interface FilePartsSpec {
  /** The one field name files may come in (`video`, `images`, `videos`). */
  readonly field: string;
  readonly maxFiles: number;
  readonly kind: MediaKind;
  /** Per file. */
  readonly maxBytes: number;
  /** The whole body, when capped. */
  readonly maxRequestBytes?: number;
}

/** Text fields are ignored but bounded, so a form cannot make the simulator hold much. */
const FIELD_LIMITS = { fields: 32, fieldSize: 64 * 1024, headerPairs: 32 };

/**
 * Streams a multipart/form-data body: every file in `spec.field` is measured as it passes (never
 * held), in arrival order; the first problem (wrong field, one file too many, wrong type, too large,
 * malformed form) fails the whole request at once, without reading the rest.
 */
export function readFileParts(ex: Exchange, spec: FilePartsSpec): Promise<MeasuredFile[]> {
  const { req, entry } = ex;
  return new Promise((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: req.headers, limits: { ...FIELD_LIMITS, files: spec.maxFiles + 1 } });
    } catch {
      reject(new HttpError(400, `expected multipart/form-data with files in the field "${spec.field}"`));
      return;
    }
    const files: Promise<MeasuredFile>[] = [];
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(form);
      reject(err instanceof HttpError ? err : new HttpError(400, 'malformed multipart/form-data body'));
    };

    form.on('file', (name, stream) => {
      entry.fields.push(name);
      entry.fileCount += 1;
      if (failed) {
        stream.resume();
      } else if (name !== spec.field) {
        stream.resume();
        fail(new HttpError(400, `unexpected file field "${name}": send files in "${spec.field}"`));
      } else if (files.length >= spec.maxFiles) {
        stream.resume();
        fail(new HttpError(400, `too many files: at most ${spec.maxFiles} per request`));
      } else {
        const file = measure(stream, spec.kind, spec.maxBytes, `file ${files.length + 1}`);
        file.then((f) => entry.fileTypes.push(f.contentType), fail);
        files.push(file);
      }
    });
    form.on('field', (name) => entry.fields.push(name));
    form.on('fieldsLimit', () => fail(new HttpError(400, 'too many form fields')));
    form.on('error', fail);
    form.on('close', () => {
      if (failed) return;
      if (files.length === 0) {
        fail(new HttpError(400, `no file in the field "${spec.field}"`));
        return;
      }
      Promise.all(files).then(resolve, fail);
    });
    req.on('error', fail);
    const cap = spec.maxRequestBytes;
    if (cap !== undefined) {
      let received = 0;
      const onData = (chunk: Buffer) => {
        received += chunk.length;
        if (received <= cap) return;
        req.off('data', onData);
        fail(new HttpError(413, `the request body is over the ${cap} byte limit`));
      };
      req.on('data', onData);
    }
    countBody(ex);
    req.pipe(form);
  });
}

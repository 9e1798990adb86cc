import { createRequire } from 'node:module';
import { FFMPEG_FIX, findFfmpeg } from '../convert/ffmpeg.js';
import { fail, pass, skip, type Finding, type Section } from './checklist.js';

/**
 * Whether the bot can convert what BitMind does not read: sharp (still images), the HEIC decoder,
 * and ffmpeg (WebM, MKV and animations). Without ffmpeg those get a clear "unsupported" answer, so
 * its absence is said with the way to enable it, and only a configured FFMPEG_PATH that does not
 * run counts as a failure.
 */
export async function probeMedia(ffmpegPath: string | undefined): Promise<Section> {
  const findings: Finding[] = [];
  try {
    const { default: sharp } = await import('sharp');
    findings.push(pass('Image conversion (sharp)', `libvips ${sharp.versions.vips}: GIF, AVIF, TIFF to PNG`));
  } catch (err) {
    findings.push(
      fail('Image conversion (sharp)', 'Reinstall with npm ci on this platform.', (err as Error).message),
    );
  }
  try {
    createRequire(import.meta.url).resolve('heic-decode');
    findings.push(pass('HEIC and BMP decoding', 'libheif (wasm) and bmp-ts, in a worker thread'));
  } catch {
    findings.push(fail('HEIC and BMP decoding', 'Reinstall with npm ci.'));
  }
  const ffmpeg = await findFfmpeg(ffmpegPath);
  if (ffmpeg.usable) {
    findings.push(
      pass(
        'Video conversion (ffmpeg)',
        `ffmpeg ${ffmpeg.version} at ${ffmpeg.path}: WebM, MKV, animated GIF and WebP to MP4`,
      ),
    );
  } else if (ffmpegPath !== undefined) {
    findings.push(fail('Video conversion (ffmpeg)', FFMPEG_FIX, ffmpeg.problem));
  } else {
    findings.push(
      skip(
        'Video conversion (ffmpeg)',
        `${ffmpeg.problem}: WebM and MKV are refused as unsupported, animations checked by their first frame.\nTo enable: ${FFMPEG_FIX}`,
      ),
    );
  }
  return { name: 'Media conversion', findings };
}

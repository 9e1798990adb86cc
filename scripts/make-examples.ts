import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, renderPng } from './examples.js';

// Writes examples/*.png; a test checks the committed files match what this draws.
for (const example of EXAMPLES) {
  const path = join(import.meta.dirname, '..', 'examples', example.file);
  writeFileSync(path, renderPng(example));
  console.log(`wrote ${path}`);
}

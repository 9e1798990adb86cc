import { maskKnownSecrets } from '../secret-values.js';

/** One line of the doctor's checklist: passed, failed (with the fix), or skipped (with why). */
export type Finding =
  | { readonly mark: 'pass'; readonly title: string; readonly detail?: string }
  | { readonly mark: 'fail'; readonly title: string; readonly detail?: string; readonly fix: string }
  | { readonly mark: 'skip'; readonly title: string; readonly detail?: string };

/** A heading and its lines; `note` is said once under the heading (e.g. "this is the simulator"). */
export interface Section {
  readonly name: string;
  readonly note?: string;
  readonly findings: readonly Finding[];
}

export const pass = (title: string, detail?: string): Finding => ({ mark: 'pass', title, detail });
export const fail = (title: string, fix: string, detail?: string): Finding => ({
  mark: 'fail',
  title,
  detail,
  fix,
});
export const skip = (title: string, detail?: string): Finding => ({ mark: 'skip', title, detail });

const MARKS = { pass: '✓', fail: '✗', skip: '–' } as const;

export function renderChecklist(sections: readonly Section[]): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(section.name);
    if (section.note) out.push(...indent(section.note, '  '));
    for (const f of section.findings) {
      out.push(`  ${MARKS[f.mark]} ${f.title}`);
      if (f.detail) out.push(...indent(f.detail, '      '));
      if (f.mark === 'fail') out.push(...indent(`Fix: ${f.fix}`, '      '));
    }
    out.push('');
  }
  const failed = countFailures(sections);
  out.push(
    failed === 0
      ? 'All checks passed.'
      : `${failed} check${failed === 1 ? '' : 's'} failed: apply the fixes above and run bitmind-bot doctor again.`,
  );
  // Every line, whatever it quotes (a server's answer, a configuration value), masks our own secrets.
  return maskKnownSecrets(`${out.join('\n')}\n`);
}

export function countFailures(sections: readonly Section[]): number {
  return sections.reduce((n, s) => n + s.findings.filter((f) => f.mark === 'fail').length, 0);
}

function indent(text: string, prefix: string): string[] {
  return text.split('\n').map((line) => `${prefix}${line}`);
}

/** An undo plan as an OCI-P YAML command file (see ./undo.ts). */
import { stringify } from 'yaml';
import type { UndoCommand, UndoPlan } from './undo-types';

/** The undo as an OCI-P YAML command file: notes as comments first, commands next, suggestions commented out last. */
export function renderUndoYaml(plan: UndoPlan, header: readonly string[] = []): string {
  const out: string[] = header.map((h) => `# ${oneLineComment(h)}`);
  if (header.length) out.push('#');
  if (plan.commands.length)
    out.push(
      `# ${plan.commands.length} command${plan.commands.length === 1 ? '' : 's'} undo what succeeded, in reverse order. Check, then send this file.`,
    );
  else out.push('# Nothing to undo: no command of the send created something that a request can remove.');
  const listed = plan.notes.filter((n) => n.kind !== 'not-sent' && n.kind !== 'covered');
  if (listed.length) {
    out.push('#', '# Not undone by this file (check these by hand):');
    for (const n of listed) out.push(`#   ${oneLineComment(n.text)}`);
  }
  const covered = plan.notes.filter((n) => n.kind === 'covered');
  if (covered.length) {
    out.push('#', '# Undone with what this file deletes:');
    for (const n of covered) out.push(`#   ${oneLineComment(n.text)}`);
  }
  const notSent = plan.notes.filter((n) => n.kind === 'not-sent').length;
  if (notSent)
    out.push(
      '#',
      `# ${notSent} command${notSent === 1 ? ' was' : 's were'} not sent: nothing to undo for ${notSent === 1 ? 'it' : 'them'}.`,
    );
  out.push('');
  plan.commands.forEach((c, i) => {
    if (i) out.push('---');
    out.push(`# undoes #${c.undoes + 1} ${oneLineComment(c.what)}`);
    out.push(commandYaml(c).trimEnd());
  });
  const suggestions = plan.notes.filter((n) => n.suggestion);
  if (suggestions.length) {
    out.push('', '# Enable (uncomment) only what you checked on the server:');
    for (const n of suggestions) {
      out.push('# ---', `# ${oneLineComment(n.text)}`);
      for (const line of commandYaml(n.suggestion!).trimEnd().split('\n')) out.push(`# ${line}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function commandYaml(c: UndoCommand): string {
  return stringify({ command: c.command, ...c.fields }, { lineWidth: 0 });
}

function oneLineComment(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

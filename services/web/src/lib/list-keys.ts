export type ListCommand = { kind: 'move'; index: number } | { kind: 'open' } | { kind: 'search' };

/** Whether a key press was meant for a text field rather than the list. */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * The console's list keys, as in mail clients: j/k (or arrows) move the selection, Enter opens
 * it, / goes to search. `selected` is -1 before the first move.
 */
export function listCommand(key: string, selected: number, length: number): ListCommand | null {
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return length === 0 ? null : { kind: 'move', index: Math.min(length - 1, selected + 1) };
    case 'k':
    case 'ArrowUp':
      return length === 0 ? null : { kind: 'move', index: Math.max(0, selected - 1) };
    case 'Enter':
      return selected >= 0 && selected < length ? { kind: 'open' } : null;
    case '/':
      return { kind: 'search' };
    default:
      return null;
  }
}

/** Statuses a queue counts as still to do. */
const DONE = new Set(['resolved', 'closed', 'cancelled', 'rejected']);

export function openCount(byStatus: Partial<Record<string, number>>): number {
  return Object.entries(byStatus).reduce(
    (sum, [status, count]) => (DONE.has(status) ? sum : sum + (count ?? 0)),
    0,
  );
}
